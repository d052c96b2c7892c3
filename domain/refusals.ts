// Why qbflow will not do what was asked, in words a person can act on. Business rules and the control layer throw
// these; the API answers each kind with its HTTP status as problem+json.
export type RefusalKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'unavailable';

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
