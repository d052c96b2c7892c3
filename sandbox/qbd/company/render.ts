// *Ret elements in the order Intuit's schemas require (valid under both qbXML 13.0 and 16.0), with totals and
// balances derived from the stored records at the moment of rendering: shared pieces, derived amounts, lists.
// Transactions are in render-txns.ts.
import { formatCents, type Cents } from '../../../domain/money.js';
import type { XNode } from '../../../quickbooks/desktop/qbxml/tree.js';
import { formatDateTime } from './clock.js';
import type {
  AccountRecord,
  Address,
  BillRecord,
  InvoiceRecord,
  ItemRecord,
  NameRecord,
  PaymentRecord,
  PurchaseOrderRecord,
  Stamp,
  Store,
} from './store.js';
import { el, leaf, opt } from './xml.js';

export interface RenderContext {
  store: Store;
  offsetMinutes: number;
}

export const money = (name: string, cents: Cents | undefined): XNode | undefined => (cents === undefined ? undefined : leaf(name, formatCents(cents)));
export const bool = (name: string, value: boolean | undefined): XNode | undefined => (value === undefined ? undefined : leaf(name, value ? 'true' : 'false'));

export function stamp(ctx: RenderContext, idName: 'ListID' | 'TxnID', id: string, s: Stamp): XNode[] {
  return [
    leaf(idName, id),
    leaf('TimeCreated', formatDateTime(s.created, ctx.offsetMinutes)),
    leaf('TimeModified', formatDateTime(s.modified, ctx.offsetMinutes)),
    leaf('EditSequence', s.editSequence),
  ] as XNode[];
}

export function address(name: string, a: Address | undefined): XNode | undefined {
  if (!a) return undefined;
  return opt(
    name,
    leaf('Addr1', a.addr1),
    leaf('Addr2', a.addr2),
    leaf('Addr3', a.addr3),
    leaf('Addr4', a.addr4),
    leaf('Addr5', a.addr5),
    leaf('City', a.city),
    leaf('State', a.state),
    leaf('PostalCode', a.postalCode),
    leaf('Country', a.country),
    leaf('Note', a.note),
  );
}

/** QuickBooks' printable block: the address lines, then "City, ST Zip", then the country. */
export function addressBlock(name: string, a: Address | undefined): XNode | undefined {
  if (!a) return undefined;
  const lines = [a.addr1, a.addr2, a.addr3, a.addr4, a.addr5].filter((l): l is string => Boolean(l));
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  if (cityLine) lines.push(cityLine);
  if (a.country) lines.push(a.country);
  const block = lines.slice(0, 5);
  return opt(name, ...block.map((line, i) => leaf(`Addr${i + 1}`, line.slice(0, 41))));
}

export function nameRef(ctx: RenderContext, name: string, id: string | undefined): XNode | undefined {
  const record = id ? ctx.store.names.get(id) : undefined;
  return record ? el(name, leaf('ListID', record.listId), leaf('FullName', ctx.store.nameFullName(record))) : undefined;
}

export function itemRef(ctx: RenderContext, name: string, id: string | undefined): XNode | undefined {
  const record = id ? ctx.store.items.get(id) : undefined;
  return record ? el(name, leaf('ListID', record.listId), leaf('FullName', ctx.store.itemFullName(record))) : undefined;
}

export function accountRef(ctx: RenderContext, name: string, id: string | undefined): XNode | undefined {
  const record = id ? ctx.store.accounts.get(id) : undefined;
  return record ? el(name, leaf('ListID', record.listId), leaf('FullName', ctx.store.accountFullName(record))) : undefined;
}

export function simpleRef(ctx: RenderContext, name: string, id: string | undefined): XNode | undefined {
  const record = id ? ctx.store.simple.get(id) : undefined;
  return record ? el(name, leaf('ListID', record.listId), leaf('FullName', ctx.store.simpleFullName(record))) : undefined;
}

// ---- derived amounts -------------------------------------------------------------------------------

export function invoiceTotal(inv: InvoiceRecord): Cents {
  return inv.subtotal + inv.salesTaxTotal;
}

/** Payments applied to the invoice (positive cents). */
export function invoicePaid(ctx: RenderContext, inv: InvoiceRecord): Cents {
  let paid = 0;
  for (const p of ctx.store.payments.values()) for (const a of p.applied) if (a.invoiceId === inv.txnId) paid += a.amount;
  return paid;
}

export function invoiceBalance(ctx: RenderContext, inv: InvoiceRecord): Cents {
  return invoiceTotal(inv) - invoicePaid(ctx, inv);
}

export function paymentUnused(p: PaymentRecord): Cents {
  return p.totalAmount - p.applied.reduce((sum, a) => sum + a.amount, 0);
}

/** A customer's own open balance: open invoices minus unapplied payments (pending invoices do not post). */
export function customerBalance(ctx: RenderContext, customerId: string): Cents {
  let balance = 0;
  for (const inv of ctx.store.invoices.values()) if (inv.customerId === customerId && !inv.isPending) balance += invoiceBalance(ctx, inv);
  for (const p of ctx.store.payments.values()) if (p.customerId === customerId) balance -= paymentUnused(p);
  return balance;
}

function customerTotalBalance(ctx: RenderContext, customer: NameRecord): Cents {
  let total = customerBalance(ctx, customer.listId);
  for (const job of ctx.store.names.values()) if (job.parentId === customer.listId) total += customerTotalBalance(ctx, job);
  return total;
}

export function billAmountDue(bill: BillRecord): Cents {
  return [...bill.expenseLines, ...bill.itemLines].reduce((sum, l) => sum + (l.amount ?? 0), 0);
}

function vendorBalance(ctx: RenderContext, vendorId: string): Cents {
  let balance = 0;
  for (const bill of ctx.store.bills.values()) if (bill.vendorId === vendorId) balance += billAmountDue(bill);
  return balance;
}

export function purchaseOrderTotal(po: PurchaseOrderRecord): Cents {
  return po.lines.reduce((sum, l) => sum + (l.amount ?? 0), 0);
}

// ---- lists -----------------------------------------------------------------------------------------

export function customerRet(ctx: RenderContext, c: NameRecord): XNode {
  const t = c.text;
  return el(
    'CustomerRet',
    stamp(ctx, 'ListID', c.listId, c),
    leaf('Name', c.name),
    leaf('FullName', ctx.store.nameFullName(c)),
    bool('IsActive', c.isActive),
    nameRef(ctx, 'ParentRef', c.parentId),
    leaf('Sublevel', ctx.store.nameSublevel(c)),
    leaf('CompanyName', t.CompanyName),
    leaf('Salutation', t.Salutation),
    leaf('FirstName', t.FirstName),
    leaf('MiddleName', t.MiddleName),
    leaf('LastName', t.LastName),
    leaf('JobTitle', t.JobTitle),
    address('BillAddress', c.billAddress),
    addressBlock('BillAddressBlock', c.billAddress),
    address('ShipAddress', c.shipAddress),
    addressBlock('ShipAddressBlock', c.shipAddress),
    leaf('Phone', t.Phone),
    leaf('AltPhone', t.AltPhone),
    leaf('Fax', t.Fax),
    leaf('Email', t.Email),
    leaf('Cc', t.Cc),
    leaf('Contact', t.Contact),
    leaf('AltContact', t.AltContact),
    simpleRef(ctx, 'TermsRef', c.refs.TermsRef),
    money('Balance', customerBalance(ctx, c.listId)),
    money('TotalBalance', customerTotalBalance(ctx, c)),
    simpleRef(ctx, 'SalesTaxCodeRef', c.refs.SalesTaxCodeRef),
    itemRef(ctx, 'ItemSalesTaxRef', c.refs.ItemSalesTaxRef),
    leaf('ResaleNumber', t.ResaleNumber),
    leaf('AccountNumber', t.AccountNumber),
    leaf('JobStatus', t.JobStatus ?? 'None'),
    leaf('JobStartDate', t.JobStartDate),
    leaf('JobProjectedEndDate', t.JobProjectedEndDate),
    leaf('JobEndDate', t.JobEndDate),
    leaf('JobDesc', t.JobDesc),
    leaf('Notes', t.Notes),
    bool('IsStatementWithParent', false),
    leaf('PreferredDeliveryMethod', 'None'),
    leaf('ExternalGUID', c.externalGuid),
  );
}

export function vendorRet(ctx: RenderContext, v: NameRecord): XNode {
  const t = v.text;
  return el(
    'VendorRet',
    stamp(ctx, 'ListID', v.listId, v),
    leaf('Name', v.name),
    bool('IsActive', v.isActive),
    bool('IsTaxAgency', v.text.IsTaxAgency === 'true' ? true : undefined),
    leaf('CompanyName', t.CompanyName),
    leaf('Salutation', t.Salutation),
    leaf('FirstName', t.FirstName),
    leaf('MiddleName', t.MiddleName),
    leaf('LastName', t.LastName),
    leaf('JobTitle', t.JobTitle),
    address('VendorAddress', v.billAddress),
    addressBlock('VendorAddressBlock', v.billAddress),
    address('ShipAddress', v.shipAddress),
    leaf('Phone', t.Phone),
    leaf('AltPhone', t.AltPhone),
    leaf('Fax', t.Fax),
    leaf('Email', t.Email),
    leaf('Cc', t.Cc),
    leaf('Contact', t.Contact),
    leaf('AltContact', t.AltContact),
    leaf('NameOnCheck', t.NameOnCheck ?? v.name),
    leaf('AccountNumber', t.AccountNumber),
    leaf('Notes', t.Notes),
    simpleRef(ctx, 'TermsRef', v.refs.TermsRef),
    leaf('VendorTaxIdent', t.VendorTaxIdent),
    bool('IsVendorEligibleFor1099', v.isVendorEligibleFor1099 ?? false),
    money('Balance', vendorBalance(ctx, v.listId)),
    leaf('ExternalGUID', v.externalGuid),
  );
}

const ITEM_RET: Record<ItemRecord['kind'], string> = {
  Service: 'ItemServiceRet',
  NonInventory: 'ItemNonInventoryRet',
  OtherCharge: 'ItemOtherChargeRet',
  Discount: 'ItemDiscountRet',
  SalesTax: 'ItemSalesTaxRet',
};

export function itemRet(ctx: RenderContext, item: ItemRecord): XNode {
  const head = stamp(ctx, 'ListID', item.listId, item);
  if (item.kind === 'SalesTax') {
    return el(
      'ItemSalesTaxRet',
      head,
      leaf('Name', item.name),
      bool('IsActive', item.isActive),
      leaf('ItemDesc', item.itemDesc),
      leaf('TaxRate', item.taxRate),
      nameRef(ctx, 'TaxVendorRef', item.taxVendorId),
      leaf('ExternalGUID', item.externalGuid),
    );
  }
  const common = [
    leaf('Name', item.name),
    leaf('FullName', ctx.store.itemFullName(item)),
    bool('IsActive', item.isActive),
    itemRef(ctx, 'ParentRef', item.parentId),
    leaf('Sublevel', ctx.store.itemSublevel(item)),
  ];
  if (item.kind === 'Discount') {
    return el(
      'ItemDiscountRet',
      head,
      common,
      leaf('ItemDesc', item.itemDesc),
      simpleRef(ctx, 'SalesTaxCodeRef', item.salesTaxCodeId),
      leaf('DiscountRate', item.discountRate),
      leaf('DiscountRatePercent', item.discountRate === undefined ? item.discountRatePercent : undefined),
      accountRef(ctx, 'AccountRef', item.accountId),
      leaf('ExternalGUID', item.externalGuid),
    );
  }
  const salesPurchase =
    item.form === 'SalesOrPurchase'
      ? el(
          'SalesOrPurchase',
          leaf('Desc', item.desc),
          leaf('Price', item.price),
          leaf('PricePercent', item.price === undefined ? item.pricePercent : undefined),
          accountRef(ctx, 'AccountRef', item.accountId),
        )
      : item.form === 'SalesAndPurchase'
        ? el(
            'SalesAndPurchase',
            leaf('SalesDesc', item.salesDesc),
            leaf('SalesPrice', item.salesPrice),
            accountRef(ctx, 'IncomeAccountRef', item.incomeAccountId),
            leaf('PurchaseDesc', item.purchaseDesc),
            leaf('PurchaseCost', item.purchaseCost),
            accountRef(ctx, 'ExpenseAccountRef', item.expenseAccountId),
            nameRef(ctx, 'PrefVendorRef', item.prefVendorId),
          )
        : undefined;
  return el(
    ITEM_RET[item.kind],
    head,
    common,
    item.kind === 'NonInventory' ? leaf('ManufacturerPartNumber', item.manufacturerPartNumber) : undefined,
    simpleRef(ctx, 'SalesTaxCodeRef', item.salesTaxCodeId),
    salesPurchase,
    leaf('ExternalGUID', item.externalGuid),
  );
}

export function accountRet(ctx: RenderContext, a: AccountRecord): XNode {
  const balance = accountBalance(ctx, a);
  return el(
    'AccountRet',
    stamp(ctx, 'ListID', a.listId, a),
    leaf('Name', a.name),
    leaf('FullName', ctx.store.accountFullName(a)),
    bool('IsActive', a.isActive),
    accountRef(ctx, 'ParentRef', a.parentId),
    leaf('Sublevel', ctx.store.accountSublevel(a)),
    leaf('AccountType', a.accountType),
    leaf('SpecialAccountType', a.specialAccountType),
    leaf('AccountNumber', a.accountNumber),
    leaf('Desc', a.desc),
    money('Balance', balance),
    money('TotalBalance', balance),
  );
}

/** Balance-sheet balances we can know exactly: receivables, undeposited funds, payables. Others show 0.00. */
function accountBalance(ctx: RenderContext, a: AccountRecord): Cents {
  let total = 0;
  if (a.accountType === 'AccountsReceivable') {
    for (const inv of ctx.store.invoices.values()) if (inv.arAccountId === a.listId && !inv.isPending) total += invoiceBalance(ctx, inv);
    for (const p of ctx.store.payments.values()) if (p.arAccountId === a.listId) total -= paymentUnused(p);
  } else if (a.accountType === 'AccountsPayable') {
    for (const bill of ctx.store.bills.values()) if (bill.apAccountId === a.listId) total += billAmountDue(bill);
  } else {
    for (const p of ctx.store.payments.values()) if (p.depositToAccountId === a.listId) total += p.totalAmount;
  }
  return total;
}
