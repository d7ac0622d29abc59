import type { FieldDef, FieldSpec, ObjectType } from '../schema/field.js';
import { NS } from './namespaces.js';

/**
 * The WSDL's `<types>` from the operations' ObjectTypes: one schema in `obj:` with a named
 * complexType per object and per list type reachable from them, and one in `impl:` with the
 * request and response elements. Every leaf is xsd:string, as in Payline's schema, so a client
 * generated from either WSDL sees the same types; fields are optional and nillable unless
 * required. Two different types under one name are a programming error and throw.
 */
export function wsdlTypes(elements: readonly ObjectType[]): string {
  const named = new Map<string, { signature: string; xsd: string }>();
  for (const element of elements) for (const field of element.fields) collect(field.spec, named);
  const objTypes = [...named.values()].map((t) => t.xsd).join('');
  const implElements = elements.map((e) => `<xsd:element name="${e.name}"><xsd:complexType>${sequence(e.fields)}</xsd:complexType></xsd:element>`).join('');
  return (
    '<wsdl:types>' +
    `<xsd:schema targetNamespace="${NS.obj}" elementFormDefault="qualified">${objTypes}</xsd:schema>` +
    `<xsd:schema targetNamespace="${NS.impl}" elementFormDefault="qualified"><xsd:import namespace="${NS.obj}"/>${implElements}</xsd:schema>` +
    '</wsdl:types>'
  );
}

function sequence(fields: readonly FieldDef[]): string {
  const items = fields.map((f) => `<xsd:element name="${f.name}" type="${typeRef(f.spec)}"${f.required ? '' : ' minOccurs="0" nillable="true"'}/>`);
  return `<xsd:sequence>${items.join('')}</xsd:sequence>`;
}

function typeRef(spec: FieldSpec): string {
  if (spec.kind === 'object') return `obj:${spec.type.name}`;
  if (spec.kind === 'list') return `obj:${spec.typeName}`;
  return 'xsd:string';
}

/** Adds the named types `spec` needs (depth first), checking each name means one type. */
function collect(spec: FieldSpec, named: Map<string, { signature: string; xsd: string }>): void {
  if (spec.kind === 'object') {
    const { name, fields } = spec.type;
    if (register(named, name, signatureOf(spec), `<xsd:complexType name="${name}">${sequence(fields)}</xsd:complexType>`)) {
      for (const field of fields) collect(field.spec, named);
    }
  } else if (spec.kind === 'list') {
    const item = `<xsd:element name="${spec.itemName}" type="${typeRef(spec.item)}" minOccurs="0" maxOccurs="${spec.max}"/>`;
    if (register(named, spec.typeName, signatureOf(spec), `<xsd:complexType name="${spec.typeName}"><xsd:sequence>${item}</xsd:sequence></xsd:complexType>`)) {
      collect(spec.item, named);
    }
  }
}

/** Whether `name` is new (then registered); throws when it names another type already. */
function register(named: Map<string, { signature: string; xsd: string }>, name: string, signature: string, xsd: string): boolean {
  const existing = named.get(name);
  if (existing && existing.signature !== signature) throw new TypeError(`two different WSDL types are named ${name}`);
  if (existing) return false;
  named.set(name, { signature, xsd });
  return true;
}

/** What the WSDL says of a type: field names, kinds, requiredness and nested type names. */
function signatureOf(spec: FieldSpec): string {
  if (spec.kind === 'object') return `{${spec.type.fields.map((f) => `${f.name}${f.required ? '!' : ''}:${typeRef(f.spec)}`).join(',')}}`;
  if (spec.kind === 'list') return `[${spec.itemName}:${typeRef(spec.item)}*${spec.max}]`;
  return typeRef(spec);
}
