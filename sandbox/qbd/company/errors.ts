// Request-level failures with QuickBooks' status codes and message wording (from Intuit's status code table;
// where the exact wording is not published, the sentence follows the same pattern).

export class QbStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly severity: 'Error' | 'Warn' = 'Error',
  ) {
    super(message);
    this.name = 'QbStatusError';
  }
}

/** A whole-message failure: QuickBooks answers with an HRESULT instead of a QBXMLMsgsRs (as the COM API does). */
export class QbHresultError extends Error {
  constructor(
    readonly hresult: string,
    message: string,
    /** Details for developers (the emulator's own diagnosis); QuickBooks gives none. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'QbHresultError';
  }
}

export const HRESULT = {
  parseError: { hresult: '0x80040400', message: 'QuickBooks found an error when parsing the provided XML text stream.' },
  unsupportedVersion: { hresult: '0x80042500', message: 'The version of QBXML that was requested is not supported or is unknown.' },
  notRunning: { hresult: '0x80040408', message: 'Could not start QuickBooks.' },
  fileInUse: {
    hresult: '0x80040410',
    message: 'The QuickBooks company data file is currently open in a mode other than the one specified by your application.',
  },
  unexpected: { hresult: '0x80040402', message: 'Unexpected error. Check the qbsdklog.txt file for possible additional information.' },
} as const;

export const statusMessages = {
  ok: 'Status OK',
  noMatch: 'A query request did not find a matching object in QuickBooks',
  notFullyCompleted: (value: string) =>
    `The query request has not been fully completed. There was a required element ("${value}") that could not be found in QuickBooks.`,
};

export function nameInUse(name: string): QbStatusError {
  return new QbStatusError(3100, `The name "${name}" of the list element is already in use.`);
}

export function objectNotFound(id: string): QbStatusError {
  return new QbStatusError(3120, `Object "${id}" specified in the request cannot be found.`);
}

export function invalidReference(listName: string, value: string, inObject: string): QbStatusError {
  return new QbStatusError(
    3140,
    `There is an invalid reference to QuickBooks ${listName} "${value}" in the ${inObject}. QuickBooks error message: Invalid argument.  The specified record does not exist in the list.`,
  );
}

/** A name that exists but is of the wrong kind (a vendor where a customer belongs, a customer as the person on a time entry). */
export function wrongTypeReference(listName: string, value: string, inObject: string): QbStatusError {
  return new QbStatusError(
    3140,
    `There is an invalid reference to QuickBooks ${listName} "${value}" in the ${inObject}. QuickBooks error message: The specified name is either invalid or of the wrong type.`,
  );
}

export function editSequenceOutOfDate(editSequence: string): QbStatusError {
  return new QbStatusError(3200, `The provided edit sequence "${editSequence}" is out-of-date.`);
}

export function saveFailed(objectName: string, detail: string): QbStatusError {
  return new QbStatusError(3180, `There was an error when saving a ${objectName}.  QuickBooks error message: ${detail}`);
}

export function modifyFailed(objectName: string, id: string, detail: string): QbStatusError {
  return new QbStatusError(3170, `There was an error when modifying a ${objectName} list, element "${id}".  QuickBooks error message: ${detail}`);
}

export function inUse(objectName: string, id: string, code: 3175 | 3176 = 3175): QbStatusError {
  return code === 3175
    ? new QbStatusError(3175, `There was an error when modifying a ${objectName}, element "${id}".  QuickBooks error message: This record is being used by another user.`)
    : new QbStatusError(3176, `There was an error when saving a ${objectName}, element "${id}".  QuickBooks error message: Cannot lock the record because it is in use by another user.`);
}

export function invalidIterator(iteratorId: string): QbStatusError {
  return new QbStatusError(3391, `The iteratorID "${iteratorId}" is not valid.`);
}

export function stringTooLong(value: string, field: string): QbStatusError {
  return new QbStatusError(3070, `The string "${value}" in the field "${field}" is too long.`);
}

/** A Duration QuickBooks cannot read (code 3035 in Intuit's table; the sentence is the sandbox's). */
export function invalidTimeInterval(value: string, field: string): QbStatusError {
  return new QbStatusError(3035, `There was an error when converting the time interval value "${value}" in the field "${field}".`);
}

export function conversionError(kind: 'boolean' | 'date' | 'amount', value: string, field: string): QbStatusError {
  const code = kind === 'boolean' ? 3010 : kind === 'date' ? 3020 : 3040;
  return new QbStatusError(code, `There was an error when converting the ${kind} value "${value}" in the field "${field}".`);
}
