// A document's identity marker names its connection, kind and order; a look-up recognises it whole, never a
// neighbour's, and a bookkeeper's note is cut before the marker ever is.
import { describe, expect, it } from 'vitest';
import { identityOf } from '../../activities/documents.js';
import type { InvoiceDraft, PurchaseDraft } from '../../domain/drafts.js';
import { carriesIdentity, markedNote } from '../../quickbooks/ledger/index.js';
import { billBody, invoiceBody, purchaseOrderBody } from '../../quickbooks/online/bodies/index.js';
import type { CompanyAccess } from '../../quickbooks/online/company.js';
import { createQboOrderLedger } from '../../quickbooks/online/orders.js';
import { pickOurs } from '../../quickbooks/desktop/answers.js';
import { documentGuid } from '../../quickbooks/desktop/documents.js';
import { LedgerRejection, QuickBooksFault } from '../../quickbooks/errors.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const invoiceA = identityOf({ connectionId: 'conn-1', kind: 'invoice', externalId: 'A' });

describe('document identity', () => {
  it('differs by order, kind and connection', () => {
    const others = [
      identityOf({ connectionId: 'conn-1', kind: 'invoice', externalId: 'B' }),
      identityOf({ connectionId: 'conn-1', kind: 'bill', externalId: 'A' }),
      identityOf({ connectionId: 'conn-2', kind: 'invoice', externalId: 'A' }),
    ];
    for (const other of others) expect(other.marker).not.toBe(invoiceA.marker);
    expect(invoiceA.marker).toMatch(/^qbflow:invoice:A:[\w-]{10}$/);
    expect(identityOf({ connectionId: 'conn-1', kind: 'invoice', externalId: 'A' })).toEqual(invoiceA);
  });

  it('recognises only the whole marker, and the shapes earlier versions wrote', () => {
    const orderA1 = identityOf({ connectionId: 'conn-1', kind: 'invoice', externalId: 'A-1' });
    expect(carriesIdentity(invoiceA.marker, invoiceA)).toBe(true);
    expect(carriesIdentity(`Thank you (${invoiceA.marker})`, invoiceA)).toBe(true);
    expect(carriesIdentity(`Thank you (${orderA1.marker})`, invoiceA)).toBe(false);
    expect(carriesIdentity(`${invoiceA.marker}x`, invoiceA)).toBe(false);
    expect(carriesIdentity('Thank you', invoiceA)).toBe(false);
    expect(carriesIdentity(undefined, invoiceA)).toBe(false);
    // written before markers named the connection and kind
    expect(carriesIdentity('qbflow:order:A', invoiceA)).toBe(true);
    expect(carriesIdentity('Thank you (qbflow:order:A)', invoiceA)).toBe(true);
    expect(carriesIdentity('qbflow:order:A-1', invoiceA)).toBe(false);
    expect(carriesIdentity('Thank you (qbflow:order:A-1)', invoiceA)).toBe(false);
    const payment = identityOf({ connectionId: 'conn-1', kind: 'payment', externalId: 'A/P1' });
    expect(carriesIdentity('qbflow:payment:A/P1 (order A, $100.00)', payment)).toBe(true);
    expect(carriesIdentity('qbflow:payment:A/P10 (order A, $100.00)', payment)).toBe(false);
  });

  it('cuts a long note, never the marker', () => {
    const note = markedNote('x'.repeat(5000), invoiceA.marker, 4000, (text, max) => text.slice(0, max));
    expect(note.length).toBeLessThanOrEqual(4000);
    expect(note.endsWith(`(${invoiceA.marker})`)).toBe(true);
    expect(markedNote('  ', invoiceA.marker, 4000, (t) => t)).toBe(invoiceA.marker);
  });
});

describe('QuickBooks Online bodies', () => {
  const purchase: PurchaseDraft = {
    orderId: 'A', number: '1001', date: '2026-11-20', vendorId: '7', memo: 'Ship by Friday',
    lines: [{ itemId: '9', itemName: 'A7102', description: 'Mug', quantity: '1', unitCost: '1.15', amountCents: 115 }],
    accounts: { costOfGoodsSoldId: '80' }, totalCents: 115,
  };
  const bill = identityOf({ connectionId: 'conn-1', kind: 'bill', externalId: 'A' });

  it('keep a purchase memo in PrivateNote (Memo is QuickBooks Desktop only) with the marker', () => {
    for (const body of [billBody(purchase, bill), purchaseOrderBody(purchase, bill)]) {
      expect(body).not.toHaveProperty('Memo');
      expect(body.PrivateNote).toBe(`Ship by Friday (${bill.marker})`);
    }
  });

  it('mark an invoice with its identity', () => {
    const draft: InvoiceDraft = {
      orderId: 'A', number: '1001', date: '2026-11-20', customerId: '5', lines: [], discountCents: 0, accounts: {}, totalCents: 0,
    };
    expect(invoiceBody(draft, invoiceA).PrivateNote).toBe(invoiceA.marker);
  });
});

describe('the Online order ledger when a number is already used (6140)', () => {
  const draft: InvoiceDraft = {
    orderId: 'B', number: '1001', date: '2026-11-20', customerId: '5', lines: [], discountCents: 0, accounts: {}, totalCents: 0,
  };
  const mine = identityOf({ connectionId: 'conn-1', kind: 'invoice', externalId: 'B' });
  const holderOf = (note: string) => ({ Id: '57', SyncToken: '0', DocNumber: '1001', TotalAmt: 218.5, PrivateNote: note, CustomerRef: { value: '5', name: 'ABC Company' } });
  const ledgerWith = (holder: Json) => createQboOrderLedger({
    query: async () => [holder],
    write: async () => { throw new QuickBooksFault(400, '6140', 'Duplicate Document Number Error', 'ValidationFault', 'DocNumber'); },
  } as unknown as CompanyAccess);

  it('names the document that holds it, in a bookkeeper\'s words, and never takes it over', async () => {
    const refused = ledgerWith(holderOf('qbflow:invoice:A:abcdefghij')).createInvoice(draft, 'key', mine);
    await expect(refused).rejects.toBeInstanceOf(LedgerRejection);
    await expect(refused).rejects.toThrow('Invoice number 1001 is already used in QuickBooks by another invoice (id 57, customer ABC Company)');
  });

  it('adopts the holder when it is this very document (an earlier attempt\'s create)', async () => {
    await expect(ledgerWith(holderOf(mine.marker)).createInvoice(draft, 'key', mine)).resolves.toMatchObject({ id: '57', totalCents: 21850 });
  });
});

describe('the Desktop look-up', () => {
  const mine = identityOf({ connectionId: 'conn-1', kind: 'invoice', externalId: 'B' });
  const other = { txnId: '1', refNumber: '1001', memo: 'Thanks (qbflow:invoice:A:abcdefghij)', externalGuid: documentGuid('qbflow:invoice:A:abcdefghij') };
  const longer = { txnId: '2', refNumber: '10010', memo: 'by hand' };

  it('adopts by ExternalGUID or memo marker only; an equal number alone is a look-alike, a longer one not even that', () => {
    expect(pickOurs([other, longer], mine, '1001')).toEqual({ mine: undefined, others: [other] });
    const byGuid = { txnId: '3', refNumber: '1001', externalGuid: documentGuid(mine.marker) };
    expect(pickOurs([other, byGuid], mine, '1001')).toEqual({ mine: byGuid, others: [other] });
    const byMemo = { txnId: '4', refNumber: '1001', memo: `Rush (${mine.marker})` };
    expect(pickOurs([byMemo, other], mine, '1001').mine).toBe(byMemo);
  });
});
