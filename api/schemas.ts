// Shared schema primitives for routes.
import { Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const ConnectionParams = Type.Object({ id: Uuid });
export const ProblemRef = Type.Ref('Problem');

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid: `errors` names each field and why. Nothing was changed.',
  401: 'No API key, or one that is not valid.',
  403: 'The credential is not allowed to do this.',
  404: 'No such resource for this tenant.',
  409: 'The request conflicts with the resource\'s current state.',
  413: 'The body is larger than the server accepts.',
  422: 'The request is well-formed but QuickBooks or a business rule refuses it.',
  431: 'The request line and headers are larger than the server accepts.',
  502: 'QuickBooks could not be reached or refused the call.',
  503: 'A service qbflow relies on is unavailable; try again shortly.',
};

/** The usual error responses, for a route's `response` map: application/problem+json, described. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, {
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem details',
    content: { 'application/problem+json': { schema: ProblemRef } },
  }])) as Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemRef } } }>;
