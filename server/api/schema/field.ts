/**
 * A small schema language for Payline's objects: one description serves validation on both
 * faces (JSON now, SOAP next) and the generated WSDL. Fields are listed in Payline's order.
 */

export type FieldSpec = StringSpec | IntegerSpec | FlagSpec | ObjectSpec | ListSpec;

/** Free text or a coded string, at most `max` characters. */
export interface StringSpec {
  kind: 'string';
  max: number;
  /** Exact format, with the words used in the error (e.g. "MMYY"). */
  pattern?: { regex: RegExp; hint: string };
  values?: readonly string[];
}

/** A whole number; JSON numbers and numeric strings alike (clients coming from SOAP send strings). */
export interface IntegerSpec {
  kind: 'integer';
  min: number;
  max: number;
  /** The words used when the value is not a whole number in range, e.g. "a whole number of minor units". */
  hint: string;
  values?: readonly number[];
}

/** Payline's `0`/`1` flags (also `true`/`false`). */
export interface FlagSpec {
  kind: 'flag';
}

export interface ObjectSpec {
  kind: 'object';
  type: ObjectType;
}

/** A Payline list: `{ item: [...] }` as SOAP has it, or a bare JSON array. */
export interface ListSpec {
  kind: 'list';
  itemName: string;
  item: FieldSpec;
  max: number;
  /** The list's type name in the WSDL: `privateDataList` holds `privateData` items. */
  typeName: string;
  /** The code a list longer than `max` gets, where Payline has one (else 02305). */
  overflowCode?: string;
}

export interface FieldDef {
  name: string;
  spec: FieldSpec;
  required: boolean;
}

export interface ObjectType {
  name: string;
  fields: readonly FieldDef[];
}

export const text = (max: number): StringSpec => ({ kind: 'string', max });
export const coded = (max: number, regex: RegExp, hint: string): StringSpec => ({ kind: 'string', max, pattern: { regex, hint } });
export const oneOf = (values: readonly string[]): StringSpec => ({ kind: 'string', max: Math.max(...values.map((v) => v.length)), values });
export const integer = (min: number, max: number, hint: string, values?: readonly number[]): IntegerSpec =>
  values ? { kind: 'integer', min, max, hint, values } : { kind: 'integer', min, max, hint };
export const flag = (): FlagSpec => ({ kind: 'flag' });
export const object = (type: ObjectType): ObjectSpec => ({ kind: 'object', type });
/** A list of `itemName` elements; its WSDL type is `typeName`, by default `${itemName}List`. */
export const list = (itemName: string, item: FieldSpec, max: number, typeName = `${itemName}List`, overflowCode?: string): ListSpec =>
  overflowCode ? { kind: 'list', itemName, item, max, typeName, overflowCode } : { kind: 'list', itemName, item, max, typeName };

/** Declares an object type; `required` names the fields that must be present. */
export function objectType(name: string, fields: Record<string, FieldSpec>, required: readonly string[] = []): ObjectType {
  for (const r of required) if (!(r in fields)) throw new TypeError(`${name}.${r} is required but not declared`);
  return {
    name,
    fields: Object.entries(fields).map(([fieldName, spec]) => ({ name: fieldName, spec, required: required.includes(fieldName) })),
  };
}
