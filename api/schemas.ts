// Shared schema primitives for routes.
import { Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const ConnectionParams = Type.Object({ id: Uuid });
export const ProblemRef = Type.Ref('Problem');

/** The usual error responses, for a route's `response` map. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ProblemRef])) as Record<number, typeof ProblemRef>;
