// Field encoding shared by every builder: references, identity strings (refused when too long), free text
// (truncated), money (integer cents, two decimals) and decimals (quantities, rates: up to five places).
// Limits are the maxLength facets of Intuit's qbXML 13.0 and 16.0 schemas (identical for the fields we send).
// Text QuickBooks cannot store (outside Windows-1252) or XML cannot carry (control characters) is refused with the
// field and character named: QuickBooks would refuse the whole message, or keep "?", and escaping would drop it.
import { formatCents, MoneyFormatError, parseDecimal, type Cents } from '../../../domain/money.js';
import { cutText, textProblem, windows1252Problem } from '../../../domain/text.js';
import { escapeXml, textElement, xmlLength } from './xml.js';

/** Thrown when an input cannot be turned into valid qbXML without changing its meaning. */
export class QbxmlInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'QbxmlInputError';
  }
}

/** A reference to a list object: ListID wins when both are given (QuickBooks reads ListID first). */
export type QbRef = { listId: string; fullName?: string } | { listId?: string; fullName: string };

/** Schema maxLength of the fields we send (characters). */
export const QBXML_LIMITS = {
  requestId: 50,
  listId: 36,
  editSequence: 16,
  customerName: 41,
  vendorName: 41,
  itemName: 31,
  /** Customer:Job full names (five levels of 41 plus separators). */
  entityFullName: 209,
  /** Account and item full names (five levels of 31 plus separators). */
  listFullName: 159,
  invoiceRefNumber: 11,
  purchaseOrderRefNumber: 11,
  billRefNumber: 20,
  paymentRefNumber: 20,
  memo: 4095,
  desc: 4095,
  notes: 4095,
  companyName: 41,
  personName: 25,
  salutation: 15,
  jobTitle: 41,
  phone: 21,
  email: 1023,
  addressLine: 41,
  city: 31,
  state: 21,
  postalCode: 13,
  country: 31,
  accountNumber: 99,
  poNumber: 25,
  other: 29,
  vendorMsg: 99,
  nameOnCheck: 41,
} as const;

/** An identity string (name, RefNumber, id): QuickBooks matches on it, so it is refused rather than cut. */
export function identity(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new QbxmlInputError(`${field} must not be empty`, field);
  storable(field, trimmed, 'identity');
  if (xmlLength(trimmed) > max) {
    throw new QbxmlInputError(`${field} "${trimmed}" is longer than QuickBooks allows (${max} characters)`, field);
  }
  return trimmed;
}

/** A list name (customer, vendor, item): no colon, because QuickBooks reserves it for Parent:Child full names. */
export function listName(field: string, value: string, max: number): string {
  const name = identity(field, value, max);
  if (name.includes(':')) throw new QbxmlInputError(`${field} "${name}" must not contain ":" (QuickBooks uses it for sub-levels)`, field);
  return name;
}

/** Makes an upstream name usable as a QuickBooks list name: no colons, single spaces, cut to `max` on a character boundary. */
export function sanitizeListName(value: string, max: number = QBXML_LIMITS.customerName): string {
  return cutText(value.replace(/:/g, '-').replace(/\s+/g, ' ').trim(), max, 'codePoint').trim();
}

/** Free text: cut to the limit on a character boundary (a shortened memo is better than a refused document). */
export function freeText(value: string, max: number, field = 'Text'): string {
  storable(field, value, 'text');
  return cutText(value, max, 'codePoint');
}

/** Refuses what XML cannot carry or QuickBooks cannot store, naming the field and the character. */
function storable(field: string, value: string, kind: 'identity' | 'text'): void {
  const problem = textProblem(value, kind) ?? windows1252Problem(value);
  if (problem) throw new QbxmlInputError(`${field} ${problem}`, field);
}

export function idElement(name: string, value: string): string {
  return textElement(name, identity(name, value, QBXML_LIMITS.listId));
}

export function optText(name: string, value: string | undefined, max: number): string {
  return value === undefined || value === '' ? '' : textElement(name, freeText(value, max, name));
}

export function optBool(name: string, value: boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${value ? 'true' : 'false'}</${name}>`;
}

/** `<Name><ListID/><FullName/></Name>` in schema order. */
export function refElement(name: string, ref: QbRef | undefined, fullNameMax: number = QBXML_LIMITS.entityFullName): string {
  if (!ref) return '';
  const listId = ref.listId ? textElement('ListID', identity(`${name}.ListID`, ref.listId, QBXML_LIMITS.listId)) : '';
  const fullName = ref.fullName ? textElement('FullName', identity(`${name}.FullName`, ref.fullName, fullNameMax)) : '';
  if (!listId && !fullName) throw new QbxmlInputError(`${name} needs a ListID or a FullName`, name);
  return `<${name}>${listId}${fullName}</${name}>`;
}

/** Money in integer cents as an AMTTYPE ("-11.50"). */
export function amount(name: string, cents: Cents): string {
  try {
    return `<${name}>${formatCents(cents)}</${name}>`;
  } catch (error) {
    throw new QbxmlInputError(`${name}: ${(error as Error).message}`, name);
  }
}

export function optAmount(name: string, cents: Cents | undefined): string {
  return cents === undefined ? '' : amount(name, cents);
}

/** A quantity, price or percentage as a decimal string with at most five places (PRICETYPE/QUANTYPE). */
export function decimal(name: string, value: string): string {
  try {
    const parsed = parseDecimal(value.trim(), 5);
    const digits = (parsed.units < 0n ? -parsed.units : parsed.units).toString();
    if (digits.length - parsed.scale > 10) throw new MoneyFormatError(`"${value}" has more than 10 integer digits`);
  } catch (error) {
    throw new QbxmlInputError(`${name}: ${(error as Error).message}`, name);
  }
  return `<${name}>${value.trim()}</${name}>`;
}

export function optDecimal(name: string, value: string | undefined): string {
  return value === undefined ? '' : decimal(name, value);
}

/** A date as YYYY-MM-DD (QuickBooks' DATETYPE). */
export function date(name: string, value: string): string {
  if (!isCalendarDate(value)) throw new QbxmlInputError(`${name} "${value}" is not a date (YYYY-MM-DD)`, name);
  return `<${name}>${value}</${name}>`;
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** A date, or (null, in a Mod) the empty element: qbXML's DATETYPE admits "", which clears the field. */
export function optDate(name: string, value: string | null | undefined): string {
  if (value === null) return `<${name}></${name}>`;
  return value === undefined ? '' : date(name, value);
}

/** A date-time filter value (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with an optional offset). */
export function dateTime(name: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}([+-]\d{2}:\d{2})?)?)?$/.test(value)) {
    throw new QbxmlInputError(`${name} "${value}" is not a QuickBooks date-time (YYYY-MM-DDThh:mm:ss±hh:mm)`, name);
  }
  return `<${name}>${value}</${name}>`;
}

/** A GUID as QuickBooks wants it: {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}. */
export function guid(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  const bare = value.replace(/^\{|\}$/g, '');
  if (!/^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/.test(bare)) {
    throw new QbxmlInputError(`${name} "${value}" is not a GUID`, name);
  }
  return `<${name}>{${bare.toUpperCase()}}</${name}>`;
}

/** A positive whole number (MaxReturned). */
export function count(name: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 1) throw new QbxmlInputError(`${name} must be a positive whole number`, name);
  return `<${name}>${value}</${name}>`;
}

/** The requestID attribute: 1 to 50 characters (QuickBooks answers 1060 otherwise). */
export function requestIdAttr(requestId: string): string {
  if (!requestId || xmlLength(requestId) > QBXML_LIMITS.requestId) {
    throw new QbxmlInputError(`requestID must be 1 to ${QBXML_LIMITS.requestId} characters`, 'requestID');
  }
  return ` requestID="${escapeXml(requestId)}"`;
}
