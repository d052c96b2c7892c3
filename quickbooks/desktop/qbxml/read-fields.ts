// Small readers every *Ret reader shares: required and optional values, booleans, money, references, addresses
// and the stamps (ListID/TxnID, TimeCreated, TimeModified, EditSequence).
import { parseCents, type Cents } from '../../../domain/money.js';
import type { RefValue, Stamped } from './records.js';
import type { QbAddress } from './requests/common.js';
import { child, childText, children, type XNode } from './tree.js';

/** Thrown when a response element cannot be read (missing required element, malformed amount). */
export class QbxmlResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbxmlResponseError';
  }
}

export function req(node: XNode, name: string): string {
  const value = childText(node, name);
  if (value === undefined) throw new QbxmlResponseError(`${node.name} has no ${name}`);
  return value;
}

export function bool(node: XNode, name: string): boolean | undefined {
  const value = childText(node, name);
  return value === undefined ? undefined : value === 'true' || value === '1';
}

export function cents(node: XNode, name: string): Cents | undefined {
  const value = childText(node, name);
  if (value === undefined || value === '') return undefined;
  try {
    return parseCents(value);
  } catch {
    throw new QbxmlResponseError(`${node.name}/${name} "${value}" is not an amount`);
  }
}

export function int(node: XNode, name: string): number | undefined {
  const value = childText(node, name);
  return value === undefined ? undefined : Number.parseInt(value, 10);
}

export function ref(node: XNode, name: string): RefValue | undefined {
  const r = child(node, name);
  if (!r) return undefined;
  const value: RefValue = {};
  const listId = childText(r, 'ListID');
  const fullName = childText(r, 'FullName');
  if (listId !== undefined) value.listId = listId;
  if (fullName !== undefined) value.fullName = fullName;
  return value;
}

const ADDRESS_FIELDS: readonly [keyof QbAddress, string][] = [
  ['addr1', 'Addr1'], ['addr2', 'Addr2'], ['addr3', 'Addr3'], ['addr4', 'Addr4'], ['addr5', 'Addr5'],
  ['city', 'City'], ['state', 'State'], ['postalCode', 'PostalCode'], ['country', 'Country'], ['note', 'Note'],
];

/** An address aggregate (BillAddress, ShipAddress, EmployeeAddress…). */
export function address(node: XNode, name: string): QbAddress | undefined {
  const a = child(node, name);
  if (!a) return undefined;
  const value: QbAddress = {};
  for (const [key, element] of ADDRESS_FIELDS) {
    const text = childText(a, element);
    if (text !== undefined) value[key] = text;
  }
  return value;
}

/** A printed address block (BillAddressBlock…): its lines in order. */
export function addressBlock(node: XNode, name: string): string[] | undefined {
  const block = child(node, name);
  if (!block) return undefined;
  return ['Addr1', 'Addr2', 'Addr3', 'Addr4', 'Addr5'].flatMap((line) => children(block, line).map((l) => l.text));
}

/** Copies only defined values, so records never carry `key: undefined`. */
export function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

export function stamps(node: XNode): Stamped {
  return defined({ timeCreated: childText(node, 'TimeCreated'), timeModified: childText(node, 'TimeModified'), editSequence: req(node, 'EditSequence') });
}

/** What every transaction record starts with: its id, stamps and number. */
export function txnStamps(node: XNode) {
  return { txnId: req(node, 'TxnID'), ...stamps(node), txnNumber: int(node, 'TxnNumber') };
}
