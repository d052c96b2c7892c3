// Reads StandardTermsRet and DateDrivenTermsRet into one TermsRecord.
import type { TermsRecord } from './records-terms.js';
import { bool, defined, int, req, stamps } from './read-fields.js';
import type { XNode } from './tree.js';

export const isTermsRet = (name: string) => name === 'StandardTermsRet' || name === 'DateDrivenTermsRet';

export function termsRecord(node: XNode): TermsRecord {
  return defined({
    type: 'Terms',
    kind: node.name === 'StandardTermsRet' ? 'Standard' : 'DateDriven',
    listId: req(node, 'ListID'),
    ...stamps(node),
    name: req(node, 'Name'),
    isActive: bool(node, 'IsActive') ?? true,
    stdDueDays: int(node, 'StdDueDays'),
    dayOfMonthDue: int(node, 'DayOfMonthDue'),
  } as TermsRecord);
}
