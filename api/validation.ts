// Request validation: JSON bodies exactly as sent (a number is never quietly turned into a money string),
// while path and query strings are coerced to the types their schemas declare.
import { Ajv, type Options } from 'ajv';
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
