import { describe, expect, it } from 'vitest';
import { buildInvoiceDraft, buildPaymentDrafts, buildPurchaseDraft } from '../../domain/drafts.js';
import { checkOrder, type Order } from '../../domain/order.js';
import { defaultSettings, maySend, type Settings } from '../../domain/settings.js';

const seed: Order = {
  orderId: 'ORD-1',
  number: '1001',
  date: '2026-11-20',
  sentBy: { userId: 'u1', teamIds: ['sales'] },
  documents: ['invoice', 'bill'],
  customer: { externalId: 'C1', name: 'ABC Company' },
  vendor: { externalId: 'V1', name: 'ASI Supplier' },
  lines: [{ productNumber: 'A7102', productName: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', unitCost: '1.15' }],
  discount: '11.50',
  payments: [{ externalId: 'P1', amount: '100.00', date: '2026-11-20' }],
};

describe('order rules', () => {
  it('accepts the seed order', () => {
    expect(checkOrder(seed)).toEqual([]);
  });

  it('names each field that breaks a rule', () => {
    const problems = checkOrder({
      ...seed,
      vendor: undefined,
      dueDate: '2026-11-01',
      lines: [{ ...seed.lines[0]!, quantity: '0.000', unitCost: undefined }],
      payments: [{ externalId: 'P1', amount: '0', date: '2026-02-30' }, { externalId: 'P1', amount: '1.00', date: '2026-11-20' }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'lines/0/quantity', 'lines/0/unitCost', 'vendor', 'dueDate', 'payments/0/date', 'payments/0/amount', 'payments',
      'discount', // 11.50 off lines that add up to 0.00
    ]);
  });

  it('refuses payments without an invoice', () => {
    expect(checkOrder({ ...seed, documents: ['bill'] }).map((p) => p.field)).toEqual(['payments']);
  });
});

describe('drafts', () => {
  const ids = { customerId: '58', vendorId: '59', itemIds: { A7102: '19' } };
  const accounts = { costOfGoodsSold: '80', payable: '33' };

  it('builds the seed invoice: 230.00 less 11.50 is 218.50', () => {
    const draft = buildInvoiceDraft(seed, defaultSettings, ids, accounts);
    expect(draft.lines).toEqual([{ itemId: '19', itemName: 'A7102', description: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', amountCents: 23000 }]);
    expect(draft.discountCents).toBe(1150);
    expect(draft.totalCents).toBe(21850);
    expect(draft.taxLine).toBeUndefined();
  });

  it('adds the order tax as one line only when configured to', () => {
    const settings: Settings = { ...defaultSettings, tax: { mode: 'orderTotal', itemId: '7' } };
    const draft = buildInvoiceDraft({ ...seed, tax: '17.48' }, settings, ids, accounts);
    expect(draft.taxLine).toEqual({ itemId: '7', amountCents: 1748 });
    expect(draft.totalCents).toBe(21850 + 1748);
    expect(buildInvoiceDraft({ ...seed, tax: '17.48' }, defaultSettings, ids, accounts).taxLine).toBeUndefined();
  });

  it('matches items by product name when configured', () => {
    const settings: Settings = { ...defaultSettings, itemField: 'productName' };
    expect(() => buildInvoiceDraft(seed, settings, ids, accounts)).toThrow(/not resolved/);
    const draft = buildInvoiceDraft(seed, settings, { ...ids, itemIds: { 'Almond - 11 oz/Stoneware': '20' } }, accounts);
    expect(draft.lines[0]!.itemId).toBe('20');
  });

  it('costs the bill at the unit cost', () => {
    const draft = buildPurchaseDraft(seed, defaultSettings, ids, accounts);
    expect(draft.totalCents).toBe(11500);
    expect(draft.accounts).toEqual({ payableId: '33', costOfGoodsSoldId: '80' });
  });

  it('applies each payment to the invoice', () => {
    expect(buildPaymentDrafts(seed, '58', '130')).toEqual([
      { externalId: 'P1', orderId: 'ORD-1', customerId: '58', invoiceId: '130', date: '2026-11-20', amountCents: 10000 },
    ]);
  });
});

describe('senders', () => {
  it('lets everyone send by default, else only listed teams and users', () => {
    expect(maySend(defaultSettings, { userId: 'anyone' })).toBe(true);
    const listed: Settings = { ...defaultSettings, senders: { mode: 'listed', teams: ['sales'], users: ['boss'] } };
    expect(maySend(listed, { userId: 'boss' })).toBe(true);
    expect(maySend(listed, { userId: 'u1', teamIds: ['sales'] })).toBe(true);
    expect(maySend(listed, { userId: 'u1', teamIds: ['support'] })).toBe(false);
  });
});
