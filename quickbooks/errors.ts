// What can go wrong talking to QuickBooks, as every layer names it: adapters throw these, activities turn them into
// Temporal failures, the API into problem+json. Said in words a bookkeeper can act on.

/** QuickBooks refused the document for a reason a person must fix; retrying will not help. */
export class LedgerRejection extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'LedgerRejection';
  }
}

/** QuickBooks answered with a Fault: the request was understood and refused. */
export class QuickBooksFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly faultType: string,
    readonly element?: string,
  ) {
    super(`QuickBooks error ${code}: ${detail}`);
    this.name = 'QuickBooksFault';
  }
}

/** No usable answer (network failure, 5xx, or a body that is not QuickBooks'): safe to retry. */
export class QuickBooksUnavailable extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'QuickBooksUnavailable';
  }
}

/** Intuit refused the grant: the user revoked access, the token expired, or a code was reused. */
export class InvalidGrantError extends Error {
  constructor(detail: string) {
    super(`QuickBooks no longer accepts this connection's authorisation (${detail}); reconnect it`);
    this.name = 'InvalidGrantError';
  }
}

export class NotConnectedError extends Error {
  constructor(connectionId: string) {
    super(`connection ${connectionId} has no QuickBooks Online authorisation yet; finish connecting it first`);
    this.name = 'NotConnectedError';
  }
}

/** QuickBooks' reason, said so that a bookkeeper knows what to change. */
export function explainFault(fault: QuickBooksFault): string {
  const said = `QuickBooks said: "${fault.detail}" (error ${fault.code})`;
  switch (fault.code) {
    case '5020':
      return `This QuickBooks Online subscription does not include the feature this document needs. ${said}`;
    case '6070':
      return `A line amount does not equal quantity × rate. ${said}`;
    case '610':
    case '2500':
      return `This document refers to something that no longer exists in QuickBooks (a customer, vendor, item or account); check the mappings. ${said}`;
    case '6240':
      return `That name is already used by another customer, vendor or employee in QuickBooks. ${said}`;
    case '5010':
      return `Someone kept changing this document in QuickBooks while we updated it; try again. ${said}`;
    default:
      return `QuickBooks refused the document. ${said}`;
  }
}
