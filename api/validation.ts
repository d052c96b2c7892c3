// Request validation: JSON bodies exactly as sent (a number is never quietly turned into a money string),
// while path and query strings are coerced to the types their schemas declare. The console checks its forms
// with the same strict compiler, against the same schemas.
import { Ajv, type ErrorObject, type Options } from 'ajv';
import formats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function compiler(options: Options) {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: true, ...options });
  formats.default(ajv); // a CommonJS module: its function is the default export's `default`
  ajv.addKeyword({ keyword: 'x-examples' }); // examples for the OpenAPI document (api/examples.ts), not a rule
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = compiler({ coerceTypes: false });
  const coercing = compiler({ coerceTypes: 'array' });
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}

let forms: Ajv | undefined;
const compiled = new WeakMap<object, ReturnType<Ajv['compile']>>();

/** Checks a value against a body schema exactly as the API checks a JSON body; the errors, or none. */
export function checkBody(schema: object, value: unknown): ErrorObject[] {
  forms ??= compiler({ coerceTypes: false });
  let validate = compiled.get(schema);
  if (!validate) {
    validate = forms.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
