import type { FieldSpec, ObjectType } from './field.js';

/**
 * Checks a decoded request (JSON or SOAP) against an ObjectType and returns the clean value:
 * integers as numbers, flags as booleans, lists as arrays, empty strings and nulls dropped.
 * The first problem found names the field's path, e.g. `payment.amount must be …`.
 */
export type Validated = { ok: true; value: Record<string, unknown> } | { ok: false; path: string; message: string; code?: string };

class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    /** A code of its own instead of 02305 (a list's `overflowCode`). */
    readonly code?: string,
  ) {
    super(`${path} ${problem}`);
  }
}

export function validate(type: ObjectType, input: unknown, path = ''): Validated {
  try {
    return { ok: true, value: readObject(type, input, path) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, path: error.path, message: error.message, ...(error.code ? { code: error.code } : {}) };
    throw error;
  }
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function readObject(type: ObjectType, input: unknown, path: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FieldError(path || type.name, 'must be an object');
  }
  const source = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of type.fields) {
    const fieldPath = path ? `${path}.${field.name}` : field.name;
    const raw = source[field.name];
    if (isAbsent(raw)) {
      if (field.required) throw new FieldError(fieldPath, 'is required');
      continue;
    }
    out[field.name] = readField(field.spec, raw, fieldPath);
  }
  return out;
}

function readField(spec: FieldSpec, raw: unknown, path: string): unknown {
  switch (spec.kind) {
    case 'string':
      return readString(spec, raw, path);
    case 'integer':
      return readInteger(spec, raw, path);
    case 'flag':
      return readFlag(raw, path);
    case 'object':
      return readObject(spec.type, raw, path);
    case 'list':
      return readList(spec, raw, path);
  }
}

function readString(spec: Extract<FieldSpec, { kind: 'string' }>, raw: unknown, path: string): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') throw new FieldError(path, 'must be a string');
  if (raw.length > spec.max) throw new FieldError(path, `must be at most ${spec.max} characters`);
  if (spec.values && !spec.values.includes(raw)) throw new FieldError(path, `must be one of ${spec.values.join(', ')}`);
  if (spec.pattern && !spec.pattern.regex.test(raw)) throw new FieldError(path, `must be ${spec.pattern.hint}`);
  return raw;
}

function readInteger(spec: Extract<FieldSpec, { kind: 'integer' }>, raw: unknown, path: string): number {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^-?\d{1,16}$/.test(raw.trim())) value = Number(raw.trim());
  else throw new FieldError(path, `must be ${spec.hint}`);
  if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max) throw new FieldError(path, `must be ${spec.hint}`);
  if (spec.values && !spec.values.includes(value)) throw new FieldError(path, `must be one of ${spec.values.join(', ')}`);
  return value;
}

function readFlag(raw: unknown, path: string): boolean {
  if (raw === true || raw === 1 || raw === '1' || raw === 'true') return true;
  if (raw === false || raw === 0 || raw === '0' || raw === 'false') return false;
  throw new FieldError(path, 'must be 0 or 1');
}

function readList(spec: Extract<FieldSpec, { kind: 'list' }>, raw: unknown, path: string): unknown[] {
  let items: unknown = raw;
  if (!Array.isArray(raw) && typeof raw === 'object' && raw !== null) {
    items = (raw as Record<string, unknown>)[spec.itemName];
    if (isAbsent(items)) return [];
    if (!Array.isArray(items)) items = [items];
  }
  if (!Array.isArray(items)) throw new FieldError(path, `must be a list of ${spec.itemName}`);
  if (items.length > spec.max) throw new FieldError(path, `must hold at most ${spec.max} ${spec.itemName}`, spec.overflowCode);
  return items.map((item, index) => readField(spec.item, item, `${path}.${spec.itemName}[${index}]`));
}
