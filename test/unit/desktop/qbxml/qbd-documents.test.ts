// The documents the QuickBooks Desktop ledger sends for an order are valid qbXML (Intuit's 13.0 and 16.0 schemas)
// and carry the seed amounts.
import { describe, expect, it } from 'vitest';
import { billAddInput, billModInput, documentGuid, invoiceAddInput, invoiceModInput, paymentAddInput, purchaseOrderAddInput, sameGuid } from '../../../../quickbooks/desktop/documents.js';
import type { InvoiceDraft, PaymentDraft, PurchaseDraft } from '../../../../domain/drafts.js';
import { documentIdentity } from '../../../../quickbooks/ledger/index.js';
import { buildBillAdd, buildBillMod, buildInvoiceAdd, buildInvoiceMod, buildPurchaseOrderAdd, buildQbxmlMessage, buildReceivePaymentAdd } from '../../../../quickbooks/desktop/qbxml/index.js';
import { validateAgainstXsd } from './xsd.js';

const invoice: InvoiceDraft = {
  orderId: 'ESP-10045', number: '10045', date: '2026-11-20', customerId: '80000010-1716912345', memo: 'Thank you',
  lines: [{ itemId: '80000011-1716912345', itemName: 'A7102', description: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', amountCents: 23000 }],
  discountCents: 1150, accounts: { receivableId: '80000003-1716912345', discountId: '8000000F-1716912345' }, totalCents: 21850,
};
const purchase: PurchaseDraft = {
  orderId: 'ESP-10045', number: '10045', date: '2026-11-20', vendorId: '80000012-1716912345',
  lines: [{ itemId: '80000011-1716912345', itemName: 'A7102', description: 'Almond - 11 oz/Stoneware', quantity: '100', unitCost: '1.15', amountCents: 11500 }],
  accounts: { payableId: '80000007-1716912345', costOfGoodsSoldId: '80000010-1716912345' }, totalCents: 11500,
};
const payment: PaymentDraft = { externalId: 'DEP-1', orderId: 'ESP-10045', customerId: '80000010-1716912345', invoiceId: '1A3-1716912345', date: '2026-11-20', amountCents: 10000, reference: 'CHK-2201' };
const identity = documentIdentity('connection', 'invoice', 'ESP-10045', 'qbflow:order:ESP-10045');
const guid = documentGuid(identity.marker);
const current = { txnId: '1A3-1716912345', editSequence: '1716912399' };

describe('QuickBooks Desktop documents for an order', () => {
  it('lays out the seed invoice: item line, discount line, marker', () => {
    const input = invoiceAddInput(invoice, { discountItem: { listId: '8000000A-1716912345' } }, identity);
    expect(input.lines).toEqual([
      { item: { listId: '80000011-1716912345' }, desc: 'Almond - 11 oz/Stoneware', quantity: '100', rate: '2.30', amountCents: 23000 },
      { kind: 'discount', item: { listId: '8000000A-1716912345' }, desc: 'Discount', amountCents: -1150 },
    ]);
    expect(input.memo).toBe(`Thank you (${identity.marker})`);
    expect(identity.marker).toMatch(/^qbflow:invoice:ESP-10045:[\w-]{10}$/);
    expect(input.refNumber).toBe('10045');
    const xml = buildInvoiceAdd('r1', input);
    expect(xml).toContain('<Rate>11.50</Rate>');
    expect(xml).toContain(`<ExternalGUID>${guid}</ExternalGUID>`);
  });

  it('leaves out a number too long to be a RefNumber (the GUID still finds the document)', () => {
    const input = invoiceAddInput({ ...invoice, number: 'SO-2026-000012345' }, { discountItem: { listId: 'x' } }, identity);
    expect(input.refNumber).toBeUndefined();
  });

  it('derives the same GUID from the same identity, a different one otherwise', () => {
    expect(documentGuid('a', 'b')).toBe(documentGuid('a', 'b'));
    expect(documentGuid('a', 'b')).not.toBe(documentGuid('a', 'c'));
    expect(documentGuid('a', 'b')).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
    expect(sameGuid(documentGuid('a', 'b').toLowerCase().replace(/[{}]/g, ''), documentGuid('a', 'b'))).toBe(true);
  });

  it('is valid against the 13.0 and 16.0 schemas for every document the ledger sends', async () => {
    const requests = [
      buildInvoiceAdd('i1', invoiceAddInput(invoice, { discountItem: { listId: '8000000A-1716912345' } }, identity)),
      buildInvoiceMod('i2', invoiceModInput(invoice, { discountItem: { listId: '8000000A-1716912345' } }, current, identity)),
      buildInvoiceAdd('i3', invoiceAddInput({ ...invoice, discountCents: 0, taxLine: { itemId: '8000000C-1716912345', amountCents: 1584 } }, { zeroTaxItem: { listId: '8000000B-1716912345' } }, identity)),
      buildBillAdd('b1', billAddInput(purchase, identity)),
      buildBillMod('b2', billModInput(purchase, { ...current, hasItemLines: true }, identity)),
      buildPurchaseOrderAdd('p1', purchaseOrderAddInput(purchase, identity)),
      buildReceivePaymentAdd('r1', paymentAddInput(payment, identity)),
    ];
    for (const version of ['13.0', '16.0'] as const) {
      const verdicts = await validateAgainstXsd(version, [{ name: 'order', xml: buildQbxmlMessage(requests, { version }) }]);
      expect(verdicts.get('order')).toEqual([]);
    }
  });
});
