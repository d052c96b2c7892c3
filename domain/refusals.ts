// Why qbflow will not do what was asked, in words a person can act on. Business rules and the control layer throw
// these; the API answers each kind with its HTTP status as problem+json.
/** `unavailable`: something outside qbflow did not answer (Intuit); `retry_later`: qbflow's own services are busy or down for a moment. */
export type RefusalKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'unavailable' | 'retry_later';

export interface FieldProblem {
  field: string;
  message: string;
}

export class Refusal extends Error {
  constructor(readonly kind: RefusalKind, message: string, readonly problems?: FieldProblem[]) {
    super(message);
    this.name = 'Refusal';
  }
}
