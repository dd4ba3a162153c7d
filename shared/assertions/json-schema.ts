import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** ajv compiles each schema once; a run checks the same schema against many responses. */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction | string>();

function compile(schemaText: string): ValidateFunction | string {
  const cached = compiled.get(schemaText);
  if (cached !== undefined) return cached;
  let result: ValidateFunction | string;
  try {
    const schema = JSON.parse(schemaText) as unknown;
    if (typeof schema !== 'object' || schema === null) throw new Error('a JSON Schema is an object');
    result = ajv.compile(schema);
  } catch (error) {
    result = `The expected value is not a JSON Schema Lantern can use: ${(error as Error).message}.`;
  }
  if (compiled.size > 200) compiled.clear();
  compiled.set(schemaText, result);
  return result;
}

/** One ajv error in plain words: where, and what was wrong there. */
function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? 'the value' : `${error.instancePath.slice(1).replace(/\//g, '.')}`;
  switch (error.keyword) {
    case 'required':
      return `${at} has no "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `${at} has "${String(error.params.additionalProperty)}", which the schema does not allow`;
    case 'type':
      return `${at} is not of type ${String(error.params.type)}`;
    case 'enum':
      return `${at} is not one of ${JSON.stringify(error.params.allowedValues)}`;
    case 'format':
      return `${at} is not a valid ${String(error.params.format)}`;
    default:
      return `${at} ${error.message ?? 'does not match'}`;
  }
}

export type SchemaCheck = { ok: true } | { ok: false; problems: string[] } | { error: string };

export function checkSchema(value: unknown, schemaText: string): SchemaCheck {
  const validate = compile(schemaText);
  if (typeof validate === 'string') return { error: validate };
  if (validate(value)) return { ok: true };
  return { ok: false, problems: (validate.errors ?? []).slice(0, 5).map(describe) };
}
