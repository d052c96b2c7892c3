// Payment terms as QuickBooks Desktop keeps them: standard (due N days after the invoice) or date-driven (due on a
// day of the month).
import type { Stamped } from './records-base.js';

export interface TermsRecord extends Stamped {
  type: 'Terms';
  kind: 'Standard' | 'DateDriven';
  listId: string;
  name: string;
  isActive: boolean;
  /** Standard terms: days until due. */
  stdDueDays?: number;
  /** Date-driven terms: the day of the month it is due. */
  dayOfMonthDue?: number;
}
