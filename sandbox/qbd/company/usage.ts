// Where a list entry is used: QuickBooks will not delete a name, item, class or payroll item that a transaction
// (or another list entry) still points at; the bookkeeper must make it inactive instead.
import type { Store } from './store.js';

/** Why a name (customer, job, vendor, employee, other name) cannot be deleted, or undefined when it can. */
export function nameInUse(store: Store, id: string): string | undefined {
  for (const r of store.names.values()) if (r.parentId === id) return `it has jobs (such as "${store.nameFullName(r)}")`;
  for (const inv of store.invoices.values()) if (inv.customerId === id) return 'it is used on an invoice';
  for (const p of store.payments.values()) if (p.customerId === id) return 'it is used on a payment';
  for (const b of store.bills.values()) {
    if (b.vendorId === id || [...b.expenseLines, ...b.itemLines].some((l) => l.customerId === id)) return 'it is used on a bill';
  }
  for (const po of store.purchaseOrders.values()) if (po.vendorId === id || po.lines.some((l) => l.customerId === id)) return 'it is used on a purchase order';
  for (const t of store.timeEntries.values()) if (t.entityId === id || t.customerId === id) return 'it is used on a time entry';
  for (const item of store.items.values()) if (item.prefVendorId === id || item.taxVendorId === id) return `it is used by the item "${item.name}"`;
  return undefined;
}

export function itemInUse(store: Store, id: string): string | undefined {
  for (const r of store.items.values()) if (r.parentId === id) return `it has sub-items (such as "${store.itemFullName(r)}")`;
  for (const inv of store.invoices.values()) if (inv.lines.some((l) => l.itemId === id)) return 'it is used on an invoice';
  for (const b of store.bills.values()) if (b.itemLines.some((l) => l.itemId === id)) return 'it is used on a bill';
  for (const po of store.purchaseOrders.values()) if (po.lines.some((l) => l.itemId === id)) return 'it is used on a purchase order';
  for (const t of store.timeEntries.values()) if (t.itemId === id) return 'it is used on a time entry';
  return undefined;
}

export function classInUse(store: Store, id: string): string | undefined {
  for (const r of store.simple.values()) if (r.parentId === id) return `it has sub-classes (such as "${store.simpleFullName(r)}")`;
  for (const inv of store.invoices.values()) if (inv.classId === id || inv.lines.some((l) => l.classId === id)) return 'it is used on an invoice';
  for (const b of store.bills.values()) if ([...b.expenseLines, ...b.itemLines].some((l) => l.classId === id)) return 'it is used on a bill';
  for (const po of store.purchaseOrders.values()) if (po.classId === id) return 'it is used on a purchase order';
  for (const t of store.timeEntries.values()) if (t.classId === id) return 'it is used on a time entry';
  return undefined;
}

export function wageItemInUse(store: Store, id: string): string | undefined {
  for (const t of store.timeEntries.values()) if (t.wageItemId === id) return 'it is used on a time entry';
  for (const r of store.names.values()) if (r.payroll?.earnings.some((e) => e.wageItemId === id)) return `it is in the earnings of "${r.name}"`;
  return undefined;
}
