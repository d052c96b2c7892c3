import { describe, expect, it } from 'vitest';
import {
  buildQbxmlMessage,
  buildRequest,
  parseQbxmlResponse,
  type CustomerRecord,
  type InvoiceRecord,
  type QbxmlRequest,
  type QbxmlResult,
  type QbxmlVersion,
  type ReceivePaymentRecord,
} from '../../../../quickbooks/desktop/qbxml/index.js';
import { createCompanyFile, QbHresultError, type CompanyFile } from '../../../../sandbox/qbd/company-file.js';
import { validateAgainstXsd } from '../qbxml/xsd.js';

const CAFE = "O'Brien & Søn – Café";
const responses: { name: string; xml: string; version: '13.0' | '16.0' }[] = [];

function send(cf: CompanyFile, requests: QbxmlRequest[], version: QbxmlVersion = '13.0', onError: 'continueOnError' | 'stopOnError' = 'continueOnError'): QbxmlResult[] {
  const xml = cf.processRequest(buildQbxmlMessage(requests.map(buildRequest), { version, onError }));
  if (version === '13.0' || version === '16.0') responses.push({ name: `${requests[0]?.requestId}-${responses.length}`, xml, version });
  return parseQbxmlResponse(xml).results;
}

function one(cf: CompanyFile, request: QbxmlRequest, version: QbxmlVersion = '13.0'): QbxmlResult {
  return send(cf, [request], version)[0] as QbxmlResult;
}

function seedOrder(cf: CompanyFile, version: QbxmlVersion = '13.0'): InvoiceRecord {
  const setup = send(cf, [
    { kind: 'CustomerAdd', requestId: 'c', input: { name: CAFE, billAddress: { addr1: '12 Harbour Rd', city: 'Boston', state: 'MA', postalCode: '02110' } } },
    { kind: 'ItemNonInventoryAdd', requestId: 'i', input: { name: 'A7102', salesOrPurchase: { desc: 'Almond - 11 oz/Stoneware', price: '2.30', account: { fullName: 'Merchandise Sales' } } } },
  ], version);
  expect(setup.map((r) => r.statusCode)).toEqual([0, 0]);
  const added = one(cf, {
    kind: 'InvoiceAdd',
    requestId: 'inv',
    input: {
      customer: { fullName: CAFE },
      txnDate: '2024-05-29',
      refNumber: 'SO-1001',
      memo: 'ESP order 1001',
      lines: [
        { item: { fullName: 'A7102' }, desc: 'Almond - 11 oz/Stoneware', quantity: '100', rate: '2.30' },
        { kind: 'discount', item: { fullName: 'Discount' }, desc: 'Discount', amountCents: -1150 },
      ],
    },
  }, version);
  expect(added.statusCode).toBe(0);
  return added.records[0] as InvoiceRecord;
}

describe('the seed order', () => {
  it('230.00 − 11.50 = 218.50; a 100.00 payment leaves 118.50 due', () => {
    const cf = createCompanyFile();
    const invoice = seedOrder(cf);
    expect(invoice.lines.map((l) => [l.quantity, l.rate, l.amountCents])).toEqual([
      ['100', '2.30', 23000],
      [undefined, '11.50', -1150],
    ]);
    expect(invoice).toMatchObject({ subtotalCents: 21850, salesTaxTotalCents: 0, appliedAmountCents: 0, balanceRemainingCents: 21850, isPaid: false, refNumber: 'SO-1001' });
    expect(invoice.txnId).toMatch(/^[0-9A-F]+-\d{10}$/);
    expect(invoice.customerRef.listId).toMatch(/^8[0-9A-F]{7}-\d{10}$/);

    const paid = one(cf, { kind: 'ReceivePaymentAdd', requestId: 'pay', input: { customer: { fullName: CAFE }, totalAmountCents: 10000, refNumber: '4471', applyTo: [{ txnId: invoice.txnId, paymentAmountCents: 10000 }] } });
    const payment = paid.records[0] as ReceivePaymentRecord;
    expect(payment.appliedTo).toEqual([expect.objectContaining({ txnId: invoice.txnId, amountCents: 10000, balanceRemainingCents: 11850 })]);

    const after = one(cf, { kind: 'InvoiceQuery', requestId: 'q', input: { refNumbers: ['SO-1001'], includeLineItems: true, includeLinkedTxns: true } }).records[0] as InvoiceRecord;
    expect(after).toMatchObject({ subtotalCents: 21850, appliedAmountCents: -10000, balanceRemainingCents: 11850, isPaid: false });
    expect(after.editSequence).not.toBe(invoice.editSequence); // applying a payment changes the invoice
    expect(after.linkedTxns).toEqual([expect.objectContaining({ txnType: 'ReceivePayment', amountCents: -10000 })]);

    const customer = cf.list('Customer').find((c) => c.name === CAFE) as CustomerRecord;
    expect(customer.balanceCents).toBe(11850);
    expect(cf.list('Invoice')[0]?.balanceRemainingCents).toBe(11850);
  });

  it('charges sales tax half-up on taxable lines when the invoice names a tax item', () => {
    const cf = createCompanyFile();
    seedOrder(cf);
    const taxed = one(cf, {
      kind: 'InvoiceAdd',
      requestId: 'tax',
      input: { customer: { fullName: CAFE }, itemSalesTax: { fullName: 'CA Sales Tax' }, lines: [{ item: { fullName: 'A7102' }, quantity: '100', rate: '2.30' }] },
    }).records[0] as InvoiceRecord;
    expect(taxed).toMatchObject({ subtotalCents: 23000, salesTaxPercentage: '7.25', salesTaxTotalCents: 1668, balanceRemainingCents: 24668 });
  });

  it('takes the order tax as a line on a tax item over a 0% invoice tax item', () => {
    const cf = createCompanyFile();
    seedOrder(cf);
    expect(one(cf, { kind: 'ItemSalesTaxAdd', requestId: 't', input: { name: 'Order Tax', taxRate: '0', taxVendor: { fullName: 'State Board of Equalization' } } }).statusCode).toBe(0);
    const inv = one(cf, {
      kind: 'InvoiceAdd',
      requestId: 'inv2',
      input: { customer: { fullName: CAFE }, itemSalesTax: { fullName: 'Out of State' }, lines: [{ item: { fullName: 'A7102' }, quantity: '10', rate: '2.30' }, { kind: 'salesTax', item: { fullName: 'Order Tax' }, amountCents: 167 }] },
    }).records[0] as InvoiceRecord;
    expect(inv).toMatchObject({ subtotalCents: 2467, salesTaxTotalCents: 0, balanceRemainingCents: 2467 });
  });
});

describe('lists and names', () => {
  it('answers 3100 when a name is in use by any customer, vendor, employee or other name (case-insensitive)', () => {
    const cf = createCompanyFile();
    seedOrder(cf);
    const results = send(cf, [
      { kind: 'CustomerAdd', requestId: 'same', input: { name: CAFE.toUpperCase() } },
      { kind: 'VendorAdd', requestId: 'vendor', input: { name: CAFE } },
      { kind: 'CustomerAdd', requestId: 'employee', input: { name: 'Pat Owner' } },
      { kind: 'ItemServiceAdd', requestId: 'item', input: { name: 'a7102', salesOrPurchase: { account: { fullName: 'Service Income' } } } },
      { kind: 'CustomerAdd', requestId: 'job', input: { name: 'Pat Owner', parent: { fullName: CAFE } } },
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([3100, 3100, 3100, 3100, 0]);
    expect(results[0]?.statusMessage).toBe(`The name "${CAFE.toUpperCase()}" of the list element is already in use.`);
    expect((results[4]?.records[0] as CustomerRecord).fullName).toBe(`${CAFE}:Pat Owner`);
  });

  it('answers 500 for missing exact look-ups, 1 for empty filters, 3140 for bad references', () => {
    const cf = createCompanyFile();
    seedOrder(cf);
    const results = send(cf, [
      { kind: 'CustomerQuery', requestId: 'mixed', input: { fullNames: [CAFE, 'Nobody Inc'] } },
      { kind: 'CustomerQuery', requestId: 'none', input: { nameFilter: { matchCriterion: 'Contains', name: 'zzz' } } },
      { kind: 'InvoiceQuery', requestId: 'noref', input: { refNumbers: ['NOPE'] } },
      { kind: 'InvoiceAdd', requestId: 'baditem', input: { customer: { fullName: CAFE }, lines: [{ item: { fullName: 'B9999' }, quantity: '1', rate: '1' }] } },
      { kind: 'InvoiceAdd', requestId: 'badcust', input: { customer: { fullName: 'Nobody Inc' }, lines: [] } },
      { kind: 'ReceivePaymentAdd', requestId: 'badtxn', input: { customer: { fullName: CAFE }, totalAmountCents: 100, applyTo: [{ txnId: '999-1', paymentAmountCents: 100 }] } },
    ]);
    expect(results.map((r) => [r.statusCode, r.statusSeverity])).toEqual([
      [500, 'Warn'],
      [1, 'Info'],
      [1, 'Info'],
      [3140, 'Error'],
      [3140, 'Error'],
      [3140, 'Error'],
    ]);
    expect(results[0]?.records).toHaveLength(1);
    expect(results[0]?.statusMessage).toContain('"Nobody Inc"');
    expect(results[3]?.statusMessage).toMatch(/invalid reference to QuickBooks Item "B9999" in the Invoice/);
    expect(cf.list('Invoice')).toHaveLength(1);
  });

  it('pages 1,000 customers with an iterator until nothing remains; unknown or ended iterators are refused', () => {
    const cf = createCompanyFile();
    for (let batch = 0; batch < 10; batch += 1) {
      const adds: QbxmlRequest[] = Array.from({ length: 100 }, (_, i) => ({ kind: 'CustomerAdd', requestId: `c${batch}-${i}`, input: { name: `Customer ${String(batch * 100 + i).padStart(4, '0')}` } }));
      expect(send(cf, adds).every((r) => r.statusCode === 0)).toBe(true);
    }
    cf.beginSession();
    const seen = new Set<string>();
    let page = one(cf, { kind: 'CustomerQuery', requestId: 'p0', input: { maxReturned: 100, iterator: { mode: 'Start' } } });
    const remaining: number[] = [page.iteratorRemainingCount ?? -1];
    for (const r of page.records as CustomerRecord[]) seen.add(r.listId);
    const iteratorId = page.iteratorId as string;
    expect(iteratorId).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    while ((page.iteratorRemainingCount ?? 0) > 0) {
      page = one(cf, { kind: 'CustomerQuery', requestId: `p${seen.size}`, input: { maxReturned: 100, iterator: { mode: 'Continue', iteratorId } } });
      expect(page.statusCode).toBe(0);
      remaining.push(page.iteratorRemainingCount ?? -1);
      for (const r of page.records as CustomerRecord[]) seen.add(r.listId);
    }
    expect(remaining).toEqual([900, 800, 700, 600, 500, 400, 300, 200, 100, 0]);
    expect(seen.size).toBe(1000);
    const again = one(cf, { kind: 'CustomerQuery', requestId: 'after-end', input: { maxReturned: 100, iterator: { mode: 'Continue', iteratorId } } });
    expect(again.statusCode).toBe(3391);
    const bogus = one(cf, { kind: 'CustomerQuery', requestId: 'bogus', input: { maxReturned: 5, iterator: { mode: 'Continue', iteratorId: '{00000000-0000-0000-0000-000000000000}' } } });
    expect(bogus).toMatchObject({ statusCode: 3391, statusMessage: 'The iteratorID "{00000000-0000-0000-0000-000000000000}" is not valid.' });

    const open = one(cf, { kind: 'CustomerQuery', requestId: 'open', input: { maxReturned: 10, iterator: { mode: 'Start' } } });
    cf.endSession();
    const afterSession = one(cf, { kind: 'CustomerQuery', requestId: 'dead', input: { maxReturned: 10, iterator: { mode: 'Continue', iteratorId: open.iteratorId as string } } });
    expect(afterSession.statusCode).toBe(3391);
  });
});

describe('modifications and EditSequence', () => {
  it('modifies with the current EditSequence, refuses an old one with 3200, keeps only listed lines', () => {
    const cf = createCompanyFile();
    const invoice = seedOrder(cf);
    const [line1, discount] = invoice.lines;
    const modded = one(cf, {
      kind: 'InvoiceMod',
      requestId: 'mod',
      input: {
        txnId: invoice.txnId,
        editSequence: invoice.editSequence,
        memo: 'revised',
        lines: [
          { txnLineId: line1?.txnLineId, item: { fullName: 'A7102' }, quantity: '120', rate: '2.30' },
          { txnLineId: discount?.txnLineId, kind: 'discount', item: { fullName: 'Discount' }, amountCents: -1380 },
          { item: { fullName: 'Consulting' }, quantity: '1' },
        ],
      },
    });
    expect(modded.statusCode).toBe(0);
    const after = modded.records[0] as InvoiceRecord;
    expect(after.editSequence).not.toBe(invoice.editSequence);
    expect(Number(after.editSequence)).toBeGreaterThan(Number(invoice.editSequence));
    expect(after.lines.map((l) => [l.txnLineId === line1?.txnLineId, l.amountCents])).toEqual([
      [true, 27600],
      [false, -1380],
      [false, 12500],
    ]);
    expect(after.lines[1]?.txnLineId).toBe(discount?.txnLineId);
    expect(after).toMatchObject({ memo: 'revised', subtotalCents: 38720 });

    const stale = one(cf, { kind: 'InvoiceMod', requestId: 'stale', input: { txnId: invoice.txnId, editSequence: invoice.editSequence, memo: 'lost update' } });
    expect(stale).toMatchObject({ statusCode: 3200, statusMessage: `The provided edit sequence "${invoice.editSequence}" is out-of-date.` });

    const dropLines = one(cf, { kind: 'InvoiceMod', requestId: 'drop', input: { txnId: invoice.txnId, editSequence: after.editSequence, lines: [{ txnLineId: line1?.txnLineId, item: { fullName: 'A7102' } }] } });
    expect((dropLines.records[0] as InvoiceRecord).lines).toHaveLength(1);
    expect(one(cf, { kind: 'InvoiceMod', requestId: 'gone', input: { txnId: '77-1', editSequence: '1' } }).statusCode).toBe(3120);
  });

  it('refuses to lower an invoice below what was paid', () => {
    const cf = createCompanyFile();
    const invoice = seedOrder(cf);
    one(cf, { kind: 'ReceivePaymentAdd', requestId: 'pay', input: { customer: { fullName: CAFE }, totalAmountCents: 20000, applyTo: [{ txnId: invoice.txnId, paymentAmountCents: 20000 }] } });
    const current = one(cf, { kind: 'InvoiceQuery', requestId: 'q', input: { txnIds: [invoice.txnId], includeLineItems: true } }).records[0] as InvoiceRecord;
    const result = one(cf, { kind: 'InvoiceMod', requestId: 'm', input: { txnId: invoice.txnId, editSequence: current.editSequence, lines: [{ txnLineId: current.lines[0]?.txnLineId, item: { fullName: 'A7102' }, quantity: '10', rate: '2.30' }] } });
    expect(result.statusCode).toBe(3170);
  });

  it('bills, purchase orders and auto-applied payments', () => {
    const cf = createCompanyFile();
    const invoice = seedOrder(cf);
    const results = send(cf, [
      { kind: 'VendorAdd', requestId: 'v', input: { name: 'Stoneware Supply Co.' } },
      { kind: 'BillAdd', requestId: 'b', input: { vendor: { fullName: 'Stoneware Supply Co.' }, refNumber: 'SSC-1', expenseLines: [{ account: { fullName: 'Freight and Shipping Costs' }, amountCents: 1500 }], itemLines: [{ item: { fullName: 'A7102' }, quantity: '100', cost: '1.20' }] } },
      { kind: 'PurchaseOrderAdd', requestId: 'po', input: { vendor: { fullName: 'Stoneware Supply Co.' }, refNumber: 'PO-1', lines: [{ item: { fullName: 'A7102' }, quantity: '100', rate: '1.20' }] } },
      { kind: 'ReceivePaymentAdd', requestId: 'auto', input: { customer: { fullName: CAFE }, totalAmountCents: 30000, autoApply: true } },
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([0, 0, 0, 0]);
    expect(results[1]?.records[0]).toMatchObject({ amountDueCents: 13500 });
    expect(results[2]?.records[0]).toMatchObject({ totalAmountCents: 12000 });
    expect(results[3]?.records[0]).toMatchObject({ totalAmountCents: 30000, unusedPaymentCents: 8150, appliedTo: [expect.objectContaining({ txnId: invoice.txnId, amountCents: 21850, balanceRemainingCents: 0 })] });
    const bill = results[1]?.records[0] as { txnId: string; editSequence: string; lines: { txnLineId: string }[] };
    const mod = one(cf, { kind: 'BillMod', requestId: 'bm', input: { txnId: bill.txnId, editSequence: bill.editSequence, clearItemLines: true } });
    expect(mod.records[0]).toMatchObject({ amountDueCents: 1500 });
    expect(one(cf, { kind: 'BillQuery', requestId: 'bq', input: { refNumbers: ['SSC-1'], includeLineItems: true } }).records).toHaveLength(1);
    expect(one(cf, { kind: 'InvoiceQuery', requestId: 'paid', input: { paidStatus: 'PaidOnly' } }).records).toHaveLength(1);
    expect(cf.list('Customer').find((c) => c.name === CAFE)?.balanceCents).toBe(-8150);
  });
});

describe('parsing like QuickBooks', () => {
  it('a misordered request fails the whole message with HRESULT 0x80040400 and applies nothing', () => {
    const cf = createCompanyFile();
    const good = buildRequest({ kind: 'CustomerAdd', requestId: 'ok', input: { name: 'Good Customer' } });
    const bad = buildRequest({ kind: 'CustomerAdd', requestId: 'bad', input: { name: 'Bad Order', isActive: true } }).replace('<Name>Bad Order</Name><IsActive>true</IsActive>', '<IsActive>true</IsActive><Name>Bad Order</Name>');
    const message = buildQbxmlMessage([good, bad], { version: '13.0' });
    let error: unknown;
    try {
      cf.processRequest(message);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QbHresultError);
    expect(error).toMatchObject({ hresult: '0x80040400', message: 'QuickBooks found an error when parsing the provided XML text stream.' });
    expect(cf.lastParseError).toMatch(/CustomerAdd.*IsActive, Name/);
    expect(cf.list('Customer')).toHaveLength(0);
    expect(cf.stats.parseErrors).toBe(1);
  });

  it('refuses broken XML, a missing <?qbxml?>, a version the product does not support, rollbackOnError', () => {
    const cf = createCompanyFile({ supportedVersions: ['12.0', '13.0'] });
    const hresult = (xml: string): string | undefined => {
      try {
        cf.processRequest(xml);
        return undefined;
      } catch (e) {
        return (e as QbHresultError).hresult;
      }
    };
    const host = buildRequest({ kind: 'HostQuery', requestId: 'h' });
    expect(hresult(`<?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="stopOnError">${host}</QBXML>`)).toBe('0x80040400');
    expect(hresult(`<QBXML><QBXMLMsgsRq onError="stopOnError">${host}</QBXMLMsgsRq></QBXML>`)).toBe('0x80040400');
    expect(hresult(buildQbxmlMessage([host], { version: '16.0' }))).toBe('0x80042500');
    expect(hresult(`<?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="rollbackOnError">${host}</QBXMLMsgsRq></QBXML>`)).toBe('0x80040400');
    expect(hresult(`<?qbxml version="13.0"?><QBXML><QBXMLMsgsRq>${host}</QBXMLMsgsRq></QBXML>`)).toBe('0x80040400');
    expect(hresult('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><?qbxml version="13.0"?><QBXML/>')).toBe('0x80040400');
    expect(hresult(buildQbxmlMessage([host], { version: '13.0' }))).toBeUndefined();
  });

  it('reports a too-long value with 3070 for that request only', () => {
    const cf = createCompanyFile();
    const tooLong = buildRequest({ kind: 'CustomerAdd', requestId: 'long', input: { name: 'Short' } }).replace('<Name>Short</Name>', `<Name>${'x'.repeat(42)}</Name>`);
    const fine = buildRequest({ kind: 'CustomerAdd', requestId: 'fine', input: { name: 'Fine Inc' } });
    const { results } = parseQbxmlResponse(cf.processRequest(buildQbxmlMessage([tooLong, fine], { version: '13.0' })));
    expect(results.map((r) => r.statusCode)).toEqual([3070, 0]);
    expect(results[0]?.statusMessage).toMatch(/in the field "Name" is too long/);
  });

  it('stopOnError stops after the first error, continueOnError goes on', () => {
    const requests: QbxmlRequest[] = [
      { kind: 'InvoiceAdd', requestId: 'bad', input: { customer: { fullName: 'Nobody' }, lines: [] } },
      { kind: 'CustomerAdd', requestId: 'next', input: { name: 'Next Inc' } },
    ];
    const stop = createCompanyFile();
    expect(send(stop, requests, '13.0', 'stopOnError').map((r) => r.requestId)).toEqual(['bad']);
    expect(stop.list('Customer')).toHaveLength(0);
    const go = createCompanyFile();
    expect(send(go, requests, '13.0', 'continueOnError').map((r) => [r.requestId, r.statusCode])).toEqual([
      ['bad', 3140],
      ['next', 0],
    ]);
  });

  it('answers HostQuery, CompanyQuery, AccountQuery; the HCP response describes the file', () => {
    const cf = createCompanyFile({ companyName: 'Promo Mugs & More' });
    const [host, company, accounts, ar] = send(cf, [
      { kind: 'HostQuery', requestId: 'h' },
      { kind: 'CompanyQuery', requestId: 'c' },
      { kind: 'AccountQuery', requestId: 'a', input: { accountTypes: ['Income'] } },
      { kind: 'AccountQuery', requestId: 'ar', input: { fullNames: ['Accounts Receivable'] } },
    ]);
    expect(host?.records[0]).toMatchObject({ type: 'Host', productName: 'QuickBooks Enterprise Solutions 23.0', majorVersion: '33' });
    expect(company?.records[0]).toMatchObject({ companyName: 'Promo Mugs & More' });
    expect(accounts?.records.map((a) => (a as { name: string }).name)).toEqual(['Discounts Given', 'Merchandise Sales', 'Service Income', 'Shipping and Delivery Income']);
    expect(ar?.records[0]).toMatchObject({ accountType: 'AccountsReceivable', specialAccountType: 'AccountsReceivable' });
    expect(cf.filePath).toBe('C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\Promo Mugs More.qbw');
    const hcp = parseQbxmlResponse(cf.hcpResponse());
    expect(hcp.results.map((r) => r.kind)).toEqual(['HostQuery', 'CompanyQuery', 'PreferencesQuery']);
  });
});

describe('faults', () => {
  it('fails a chosen request with 3175, or commits first and then reports 3180', () => {
    const cf = createCompanyFile();
    cf.faults.failRequest({ kind: 'CustomerAdd', statusCode: 3175 });
    expect(one(cf, { kind: 'CustomerAdd', requestId: 'a', input: { name: 'Locked Inc' } }).statusCode).toBe(3175);
    expect(cf.list('Customer')).toHaveLength(0);
    expect(one(cf, { kind: 'CustomerAdd', requestId: 'b', input: { name: 'Locked Inc' } }).statusCode).toBe(0);

    cf.faults.failRequest({ requestId: 'commit-then-fail', statusCode: 3180, applyFirst: true });
    const failed = one(cf, { kind: 'CustomerAdd', requestId: 'commit-then-fail', input: { name: 'Ghost Inc' } });
    expect(failed.statusCode).toBe(3180);
    expect(cf.list('Customer').map((c) => c.name)).toContain('Ghost Inc');
  });

  it('loses a whole response after committing, or refuses it before', () => {
    const cf = createCompanyFile();
    cf.faults.failMessage({ hresult: '0x80010105', message: 'The server threw an exception.', applyFirst: true });
    expect(() => one(cf, { kind: 'CustomerAdd', requestId: 'a', input: { name: 'Applied Inc' } })).toThrow('The server threw an exception.');
    expect(cf.list('Customer')).toHaveLength(1);
    cf.faults.failMessage({ hresult: '0x80010105', message: 'The server threw an exception.' });
    expect(() => one(cf, { kind: 'CustomerAdd', requestId: 'b', input: { name: 'Never Inc' } })).toThrow(QbHresultError);
    expect(cf.list('Customer')).toHaveLength(1);
  });

  it('QuickBooks not running, file in use, slowness, permissions, disabled features', async () => {
    const cf = createCompanyFile({ features: { purchaseOrders: false } });
    cf.faults.setNotRunning(true);
    expect(() => cf.beginSession()).toThrow(expect.objectContaining({ hresult: '0x80040408' }));
    cf.faults.setNotRunning(false);
    cf.faults.setFileInUse(true);
    expect(() => cf.beginSession()).toThrow(expect.objectContaining({ hresult: '0x80040410' }));
    cf.faults.clear();
    cf.beginSession();

    cf.faults.setLatency(60);
    const started = Date.now();
    await cf.processRequestAsync(buildQbxmlMessage([buildRequest({ kind: 'HostQuery', requestId: 'h' })], { version: '13.0' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);

    const po = one(cf, { kind: 'PurchaseOrderAdd', requestId: 'po', input: { vendor: { fullName: 'State Board of Equalization' }, lines: [{ item: { fullName: 'Consulting' }, quantity: '1' }] } });
    expect(po.statusCode).toBe(3250);
    const readOnly = createCompanyFile({ features: { readOnly: true } });
    expect(one(readOnly, { kind: 'CustomerAdd', requestId: 'w', input: { name: 'X' } }).statusCode).toBe(3260);
    expect(one(readOnly, { kind: 'CustomerQuery', requestId: 'r' }).statusCode).toBe(1);
  });
});

describe('speed', () => {
  it('processes 1,000 requests in 20 messages well within a second or two', () => {
    const cf = createCompanyFile();
    cf.processRequest(buildQbxmlMessage([buildRequest({ kind: 'HostQuery', requestId: 'warm' })], { version: '13.0' }));
    const started = performance.now();
    for (let m = 0; m < 20; m += 1) {
      const requests = Array.from({ length: 50 }, (_, i) =>
        buildRequest(i % 2 ? { kind: 'CustomerQuery', requestId: `q${m}-${i}`, input: { fullNames: [`Speed ${m}-${i - 1}`] } } : { kind: 'CustomerAdd', requestId: `a${m}-${i}`, input: { name: `Speed ${m}-${i}`, companyName: 'Speed Co', billAddress: { addr1: '1 Fast Lane', city: 'Boston' } } }),
      );
      const { results } = parseQbxmlResponse(cf.processRequest(buildQbxmlMessage(requests, { version: '13.0' })));
      expect(results.every((r) => r.statusCode === 0)).toBe(true);
    }
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2500);
  });
});

describe('responses are valid qbXML', () => {
  it.each(['13.0', '16.0'] as const)('every response produced in these tests validates against the %s schema', async (version) => {
    const cf = createCompanyFile();
    seedOrder(cf, version);
    send(cf, [
      { kind: 'VendorAdd', requestId: 'v', input: { name: 'Stoneware Supply Co.', vendorAddress: { addr1: '9 Kiln St', city: 'Trenton', state: 'NJ' } } },
      { kind: 'ItemQuery', requestId: 'items' },
      { kind: 'AccountQuery', requestId: 'accounts' },
      { kind: 'PreferencesQuery', requestId: 'prefs' },
      { kind: 'CompanyQuery', requestId: 'company' },
      { kind: 'ItemServiceAdd', requestId: 'svc', input: { name: 'Setup', salesAndPurchase: { salesPrice: '45', incomeAccount: { fullName: 'Service Income' }, purchaseCost: '10', expenseAccount: { fullName: 'Professional Fees' }, preferredVendor: { fullName: 'Stoneware Supply Co.' } } } },
      { kind: 'ItemDiscountAdd', requestId: 'disc', input: { name: 'Ten Percent', discountRatePercent: '10', account: { fullName: 'Discounts Given' } } },
      { kind: 'BillAdd', requestId: 'bill', input: { vendor: { fullName: 'Stoneware Supply Co.' }, expenseLines: [{ account: { fullName: 'Office Supplies' }, amountCents: 999, customer: { fullName: CAFE } }], itemLines: [{ item: { fullName: 'A7102' }, quantity: '2', cost: '1.2' }] } },
      { kind: 'PurchaseOrderAdd', requestId: 'po', input: { vendor: { fullName: 'Stoneware Supply Co.' }, lines: [{ item: { fullName: 'A7102' }, quantity: '2', rate: '1.2' }] } },
      { kind: 'InvoiceQuery', requestId: 'invs', input: { maxReturned: 10, includeLineItems: true, includeLinkedTxns: true, iterator: { mode: 'Start' } } },
      { kind: 'ReceivePaymentAdd', requestId: 'pay', input: { customer: { fullName: CAFE }, totalAmountCents: 100, autoApply: true } },
      { kind: 'ReceivePaymentQuery', requestId: 'pays' },
      { kind: 'CustomerQuery', requestId: 'custs', input: { activeStatus: 'All' } },
      { kind: 'VendorQuery', requestId: 'vends' },
      { kind: 'BillQuery', requestId: 'bills', input: { includeLineItems: true } },
      { kind: 'PurchaseOrderQuery', requestId: 'pos', input: { includeLineItems: true } },
      { kind: 'CustomerAdd', requestId: 'dup', input: { name: CAFE } },
    ], version);
    const docs = responses.filter((r) => r.version === version).map(({ name, xml }) => ({ name, xml }));
    docs.push({ name: 'hcp', xml: cf.hcpResponse() });
    const verdicts = await validateAgainstXsd(version, docs);
    expect([...verdicts].filter(([, errors]) => errors.length)).toEqual([]);
    expect(docs.length).toBeGreaterThan(3);
  });
});
