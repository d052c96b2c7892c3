// Which fields Intuit's XSD annotations mark as QuickBooks Desktop only: QuickBooks Online ignores them (drops them
// from a request) rather than refusing them. The convention was read off the annotations themselves.
//
// The annotations name products in three ways. A bare "Product: QBW" section documents how QuickBooks for Windows
// uses a field; it is NOT a statement that Online lacks it: the same marker sits on fields Online documents and
// returns (Item.Active, the sales transactions' ClassRef/SalesTermRef/ShipDate/ARAccountRef, IntuitEntity.CustomField,
// TaxCode.Taxable, …). Exclusive wording is: "QBW only" (PurchaseByVendor.Memo, i.e. Bill.Memo: "QBW only. Memo to be
// visible to Payee"), "Product: QBW only.", "QBW: only" / "QBW: ONLY", "QBW: Only QBW supported", "Used by QBD only",
// "used by QB desktop, not used by QBO", "Supported only for QuickBooks Windows desktop". A field whose annotation
// also has a "Product: QBO" or "Product: ALL" section is documented for Online and is never Desktop only.

const EXCLUSIVE = [
  /\b(QBW|QBD)\s*:?\s*only\b/i,
  /\bonly QBW\b/i,
  /\bnot used by QBO\b/i,
  /\bsupported only for QuickBooks Windows\b/i,
];
const ONLINE_SECTION = /\bProduct:\s*(QBO|ALL)\b/i;

/**
 * Exclusive wording that Intuit's own QuickBooks Online API reference contradicts (keyed by the entity or type that
 * carries the field after inheritance). Each keeps the field on Online; the reason says where Online documents it.
 */
export const ONLINE_DESPITE_ANNOTATION: Readonly<Record<string, string>> = {
  // Annotation text copied from CustomField; Online's Invoice/Estimate/SalesReceipt reference documents DescriptionOnly
  // lines as { DetailType: "DescriptionOnly", DescriptionLineDetail: { ServiceDate, TaxCodeRef } }.
  'Line.DescriptionLineDetail': 'Online documents DescriptionLineDetail on DescriptionOnly lines',
  // Online's transaction references list LineNum on every line type, and Online returns it.
  'Line.LineNum': 'Online documents and returns LineNum on transaction lines',
  // Inherited from PurchaseByVendor ("QBW only" there, right for Bill); Online's PurchaseOrder reference documents
  // Memo as the message printed for the vendor.
  'PurchaseOrder.Memo': "Online documents PurchaseOrder.Memo (the vendor message)",
  // Online's Preferences reference documents AccountingInfoPrefs.UseAccountNumbers.
  'CompanyAccountingPrefs.UseAccountNumbers': 'Online documents Preferences.AccountingInfoPrefs.UseAccountNumbers',
};

/** True when the annotation says the field exists for QuickBooks Desktop only. */
export function isDesktopOnly(documentation: string): boolean {
  if (ONLINE_SECTION.test(documentation)) return false;
  return EXCLUSIVE.some((pattern) => pattern.test(documentation));
}
