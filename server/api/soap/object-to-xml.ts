import type { FieldSpec, ObjectType } from '../schema/field.js';
import { escapeXml } from './xml-escape.js';

/**
 * Writes an answer object as Payline's XML, in its schema's order: the response element's own
 * fields in `impl:`, every object's fields in `obj:` (elementFormDefault="qualified"); lists
 * as one element per item; numbers as text, flags as 0/1. `undefined` is absent and `null` is
 * `xsi:nil="true"`; a field the schema does not declare, or of the wrong shape, is left out.
 * The prefixes `impl`, `obj` and `xsi` are declared by the envelope (soap-envelope.ts).
 */
export function encodeResponse(type: ObjectType, answer: Record<string, unknown>): string {
  return `<impl:${type.name}>${encodeFields(type, answer, 'impl')}</impl:${type.name}>`;
}

type Prefix = 'impl' | 'obj';

function encodeFields(type: ObjectType, value: Record<string, unknown>, prefix: Prefix): string {
  let xml = '';
  for (const field of type.fields) xml += encodeField(`${prefix}:${field.name}`, field.spec, value[field.name]);
  return xml;
}

function encodeField(tag: string, spec: FieldSpec, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return `<${tag} xsi:nil="true"/>`;
  switch (spec.kind) {
    case 'object':
      return isRecord(value) ? `<${tag}>${encodeFields(spec.type, value, 'obj')}</${tag}>` : '';
    case 'list': {
      const items = listItems(value, spec.itemName);
      if (!items) return '';
      const itemTag = `obj:${spec.itemName}`;
      return element(tag, items.map((item) => encodeField(itemTag, spec.item, item)).join(''));
    }
    default:
      return leaf(tag, spec.kind === 'flag', value);
  }
}

/** A list given as an array (a validated request echoed) or in Payline's `{item: […]}` shape. */
function listItems(value: unknown, itemName: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  const items = value[itemName];
  return Array.isArray(items) ? items : items === undefined ? [] : [items];
}

function leaf(tag: string, isFlag: boolean, value: unknown): string {
  if (typeof value === 'string') return element(tag, escapeXml(value));
  if (typeof value === 'number' && Number.isFinite(value)) return element(tag, String(value));
  if (typeof value === 'boolean') return element(tag, isFlag ? (value ? '1' : '0') : String(value));
  return '';
}

function element(tag: string, content: string): string {
  return content === '' ? `<${tag}/>` : `<${tag}>${content}</${tag}>`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
