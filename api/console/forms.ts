// Forms: what a page posts is turned into the API's request body and checked against the API's own schema (the
// same strict compiler the JSON routes use), then by the same control function; every problem lands beside the
// field it is about, in the reader's language. Nothing is saved unless all of it is valid.
import type { ErrorObject } from 'ajv';
import { Refusal } from '../../domain/refusals.js';
import { checkBody } from '../validation.js';
import type { Translator } from './i18n/index.js';

/** Messages by field path ("dayOfMonth", "documents/invoice", "senders/teams/0"), plus one for the whole form. */
export interface FieldErrors {
  fields: Record<string, string>;
  /** A message that belongs to no single field (or repeats the business rule's own words). */
  form?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function fieldOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return [error.instancePath.replace(/^\//, ''), missing].filter(Boolean).join('/');
}

function message(t: Translator, error: ErrorObject): string {
  const params = error.params as { limit?: number; format?: string; type?: string };
  switch (error.keyword) {
    case 'required': return t.t('validation.required');
    case 'minLength': return params.limit === 1 ? t.t('validation.required') : t.t('validation.minLength', { limit: params.limit ?? 0 });
    case 'maxLength': return t.t('validation.maxLength', { limit: params.limit ?? 0 });
    case 'pattern': return t.t('validation.pattern');
    case 'format': return t.t('validation.format', { format: params.format ?? '' });
    case 'minimum': return t.t('validation.minimum', { limit: params.limit ?? 0 });
    case 'maximum': return t.t('validation.maximum', { limit: params.limit ?? 0 });
    case 'minItems': return t.t('validation.minItems', { limit: params.limit ?? 0 });
    case 'maxItems': return t.t('validation.maxItems', { limit: params.limit ?? 0 });
    case 'uniqueItems': return t.t('validation.uniqueItems');
    case 'type': return params.type === 'integer' ? t.t('validation.integer') : t.t('validation.type');
    default: return t.t('validation.choice');
  }
}

/** Ajv's errors as one message per field; a union's "none of the choices" only where nothing more precise is said. */
export function fieldErrors(t: Translator, errors: ErrorObject[]): FieldErrors {
  const fields: Record<string, string> = {};
  const vague = new Set(['anyOf', 'oneOf', 'const', 'enum', 'additionalProperties', 'if']);
  for (const error of [...errors].sort((a, b) => Number(vague.has(a.keyword)) - Number(vague.has(b.keyword)))) {
    const field = fieldOf(error);
    if (vague.has(error.keyword) && Object.keys(fields).some((f) => f === field || f.startsWith(`${field}/`))) continue;
    fields[field] ??= message(t, error);
  }
  return { fields };
}

/** The body, if the API's schema accepts it. */
export function check<T>(t: Translator, schema: object, body: unknown): Checked<T> {
  const errors = checkBody(schema, body);
  return errors.length === 0 ? { ok: true, value: body as T } : { ok: false, errors: fieldErrors(t, errors) };
}

/** A business rule's refusal, beside the fields it names (its words are the API's, as the JSON answer has them). */
export function refusalErrors(refusal: Refusal): FieldErrors {
  const fields: Record<string, string> = {};
  for (const problem of refusal.problems ?? []) fields[problem.field.replace(/^body\//, '')] ??= problem.message;
  return { fields, form: refusal.message };
}

/** Runs a control call; a Refusal becomes errors to show, anything else is thrown on. */
export async function attempt<T>(work: () => Promise<T>): Promise<Checked<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: refusalErrors(error) };
    throw error;
  }
}

/** The first message for a field or any field under it. */
export function errorAt(errors: FieldErrors | undefined, ...paths: string[]): string | undefined {
  if (!errors) return undefined;
  for (const path of paths) {
    const hit = Object.entries(errors.fields).find(([field]) => field === path || field.startsWith(`${path}/`));
    if (hit) return hit[1];
  }
  return undefined;
}

/** A form field as one string ('' when absent; the first when repeated). */
export function text(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** A form field that may repeat (checkboxes), as a list. */
export function list(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** A whole number typed in a form, or the text itself (so the schema says what is wrong with it). */
export function integer(value: string): number | string {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

/** Lines of a textarea, trimmed, without blanks. */
export function lines(value: string): string[] {
  return value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
