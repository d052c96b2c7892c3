// What every Accounting API body shares: references, and names and texts cut to what QuickBooks Online accepts.
import { cutText } from '../../../domain/text.js';

export type Ref = { value: string };
export const ref = (value: string): Ref => ({ value });

/**
 * QuickBooks Online reserves `:` (it separates sub-customers and sub-items) and trims names. Cut on a character
 * boundary: half an emoji would be stored as a name no later look-up can match.
 */
export function qboName(name: string, maxLength = 100): string {
  return qboText(name.replace(/:/g, '-').replace(/\s+/g, ' ').trim(), maxLength).trim();
}

/** Free text cut to a field's length (counted in UTF-16 units, as Intuit's service does), whole characters only. */
export function qboText(text: string, maxLength: number): string {
  return cutText(text, maxLength);
}
