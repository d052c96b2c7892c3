// What every Accounting API body shares: references and the names QuickBooks Online accepts.

export type Ref = { value: string };
export const ref = (value: string): Ref => ({ value });

/** QuickBooks Online reserves `:` (it separates sub-customers and sub-items) and trims names. */
export function qboName(name: string, maxLength = 100): string {
  return name.replace(/:/g, '-').replace(/\s+/g, ' ').trim().slice(0, maxLength);
}
