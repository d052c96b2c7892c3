import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyStatus,
  parseHcpResponse,
  parseQbxmlResponse,
  pickQbxmlVersion,
  QbxmlParseError,
  type BillRecord,
  type CustomerRecord,
  type InvoiceRecord,
  type ItemRecord,
  type PurchaseOrderRecord,
  type ReceivePaymentRecord,
} from '../../../../quickbooks/desktop/qbxml/index.js';
import { validateAgainstXsd } from './xsd.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FIXTURES = ['customer-query-rs.xml', 'invoice-query-rs.xml', 'mixed-rs.xml', 'hcp-response.xml', 'hcp-response-qb2014.xml'];

describe('fixtures are real qbXML', () => {
  it.each(['13.0', '16.0'] as const)('every response fixture is valid against the %s schema', async (version) => {
    const verdicts = await validateAgainstXsd(version, FIXTURES.map((name) => ({ name, xml: fixture(name) })));
    expect([...verdicts].filter(([, errors]) => errors.length)).toEqual([]);
  });
});

describe('parseQbxmlResponse', () => {
  it('reads customers with iterator attributes, decoded names, money in cents, optional parents', () => {
    const { results, byRequestId } = parseQbxmlResponse(fixture('customer-query-rs.xml'));
    expect(results).toHaveLength(1);
    const page = byRequestId.get('cust-page-1');
    expect(page).toMatchObject({ kind: 'CustomerQuery', statusCode: 0, statusSeverity: 'Info', statusMessage: 'Status OK', iteratorRemainingCount: 998, iteratorId: '{8A52F5C1-3A3B-4E8F-9C2D-6B1F0E7A4D21}' });
    const [first, job] = page?.records as CustomerRecord[];
    expect(first).toMatchObject({
      type: 'Customer',
      listId: '80000001-1716912345',
      editSequence: '1717333862',
      name: "O'Brien & Søn – Café",
      fullName: "O'Brien & Søn – Café",
      isActive: true,
      sublevel: 0,
      firstName: 'Seán',
      balanceCents: 11850,
      totalBalanceCents: 11850,
      itemSalesTaxRef: { listId: '80000028-1716912000', fullName: 'Out of State' },
    });
    expect(first?.parentRef).toBeUndefined();
    expect(job).toMatchObject({ fullName: 'Acme Corp:Spring Job', isActive: false, parentRef: { fullName: 'Acme Corp' }, sublevel: 1, balanceCents: -2500 });
  });

  it('reads invoices with lines, linked payments and totals; one line is still an array', () => {
    const { byRequestId } = parseQbxmlResponse(fixture('invoice-query-rs.xml'));
    const inv = byRequestId.get('inv-by-ref')?.records[0] as InvoiceRecord;
    expect(inv).toMatchObject({
      type: 'Invoice',
      txnId: '1F6-1717000000',
      editSequence: '1717077731',
      txnNumber: 139,
      refNumber: 'SO-1001',
      txnDate: '2024-05-29',
      subtotalCents: 21850,
      salesTaxTotalCents: 0,
      appliedAmountCents: -10000,
      balanceRemainingCents: 11850,
      isPaid: false,
      isPending: false,
      isToBeEmailed: true,
      isToBePrinted: false,
      memo: 'ESP order 1001',
    });
    expect(inv.lines).toEqual([
      { txnLineId: '1F7-1717000000', itemRef: { listId: '80000031-1716999000', fullName: 'A7102' }, desc: 'Almond - 11 oz/Stoneware', quantity: '100', rate: '2.30', amountCents: 23000, salesTaxCodeRef: { listId: '80000017-1716912000', fullName: 'Tax' } },
      { txnLineId: '1F8-1717000000', itemRef: { listId: '8000002A-1716912000', fullName: 'Discount' }, desc: 'Discount', rate: '11.50', amountCents: -1150, salesTaxCodeRef: { listId: '80000017-1716912000', fullName: 'Tax' } },
    ]);
    expect(inv.linkedTxns).toEqual([{ txnId: '1F9-1717077731', txnType: 'ReceivePayment', txnDate: '2024-05-30', refNumber: '4471', linkType: 'AMTTYPE', amountCents: -10000 }]);

    const single = byRequestId.get('inv-one-line')?.records[0] as InvoiceRecord;
    expect(Array.isArray(single.lines)).toBe(true);
    expect(single.lines).toHaveLength(1);
    expect(single.linkedTxns).toEqual([]);
    expect(single).toMatchObject({ isPending: true, salesTaxTotalCents: 9063, balanceRemainingCents: 134063, customerRef: { fullName: 'Acme Corp' } });

    const missing = byRequestId.get('inv-missing');
    expect(missing).toMatchObject({ statusCode: 1, records: [] });
  });

  it('reads statuses, items of every type, payments, bills, purchase orders and accounts in message order', () => {
    const { results } = parseQbxmlResponse(fixture('mixed-rs.xml'));
    expect(results.map((r) => [r.requestId, r.kind, r.statusCode])).toEqual([
      ['add-dup', 'CustomerAdd', 3100],
      ['by-name', 'CustomerQuery', 500],
      ['stale-mod', 'InvoiceMod', 3200],
      ['items', 'ItemQuery', 0],
      ['pay-1001', 'ReceivePaymentAdd', 0],
      ['bill-1001', 'BillAdd', 0],
      ['po-1001', 'PurchaseOrderAdd', 0],
      ['accounts', 'AccountQuery', 0],
    ]);
    expect(results[0]?.statusMessage).toBe('The name "Acme Corp" of the list element is already in use.');
    expect(results[1]?.statusSeverity).toBe('Warn');

    const items = results[3]?.records as ItemRecord[];
    expect(items.map((i) => [i.itemType, i.fullName])).toEqual([
      ['Service', 'Consulting'],
      ['NonInventory', 'Mugs:A7102'],
      ['Discount', 'Discount'],
      ['SalesTax', 'Out of State'],
      ['Subtotal', 'Subtotal'],
    ]);
    expect(items[0]).toMatchObject({ description: 'Consulting services', salesPrice: '125.00', accountRef: { fullName: 'Service Income' } });
    expect(items[1]).toMatchObject({ salesPrice: '2.30', purchaseCost: '1.20', incomeAccountRef: { fullName: 'Merchandise Sales' }, expenseAccountRef: { fullName: 'Cost of Goods Sold' }, parentRef: { fullName: 'Mugs' } });
    expect(items[3]).toMatchObject({ taxRate: '0.00' });

    const payment = results[4]?.records[0] as ReceivePaymentRecord;
    expect(payment).toMatchObject({ totalAmountCents: 10000, unusedPaymentCents: 0, refNumber: '4471', paymentMethodRef: { fullName: 'Check' } });
    expect(payment.appliedTo).toEqual([{ txnId: '1F6-1717000000', txnType: 'Invoice', txnDate: '2024-05-29', refNumber: 'SO-1001', balanceRemainingCents: 11850, amountCents: 10000 }]);

    const bill = results[5]?.records[0] as BillRecord;
    expect(bill).toMatchObject({ amountDueCents: 13500, openAmountCents: 13500, refNumber: 'SSC-88213', vendorRef: { fullName: 'Stoneware Supply Co.' } });
    expect(bill.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['expense', 1500],
      ['item', 12000],
    ]);
    expect(bill.lines[1]).toMatchObject({ quantity: '100', cost: '1.20', billableStatus: 'Billable', customerRef: { fullName: "O'Brien & Søn – Café" } });

    const po = results[6]?.records[0] as PurchaseOrderRecord;
    expect(po).toMatchObject({ totalAmountCents: 12000, refNumber: 'PO-1001', isFullyReceived: false, expectedDate: '2024-06-10' });
    expect(po.lines).toHaveLength(1);
    expect(results[7]?.records[0]).toMatchObject({ type: 'Account', accountType: 'AccountsReceivable', accountNumber: '11000', balanceCents: 11850 });
  });

  it('refuses malformed XML, DTDs, other documents and oversized input', () => {
    expect(() => parseQbxmlResponse('<QBXML><QBXMLMsgsRs></QBXML>')).toThrow(QbxmlParseError);
    expect(() => parseQbxmlResponse('<?xml version="1.0"?><!DOCTYPE QBXML [<!ENTITY x "boom">]><QBXML><QBXMLMsgsRs/></QBXML>')).toThrow(/DTD/);
    expect(() => parseQbxmlResponse('<html><body/></html>')).toThrow(/QBXML/);
    expect(() => parseQbxmlResponse('<QBXML><QBXMLMsgsRq onError="stopOnError"/></QBXML>')).toThrow(/QBXMLMsgsRs/);
    expect(() => parseQbxmlResponse(fixture('mixed-rs.xml'), { maxChars: 100 })).toThrow(/larger/);
    expect(() => parseQbxmlResponse('<QBXML><QBXMLMsgsRs><CustomerQueryRs requestID="a"/></QBXMLMsgsRs></QBXML>')).toThrow(/statusCode/);
    expect(() =>
      parseQbxmlResponse('<QBXML><QBXMLMsgsRs><InvoiceQueryRs requestID="a" statusCode="0"><InvoiceRet><TxnID>1</TxnID><EditSequence>1</EditSequence><TxnDate>2024-01-01</TxnDate><Subtotal>1.234</Subtotal></InvoiceRet></InvoiceQueryRs></QBXMLMsgsRs></QBXML>'),
    ).toThrow(/Subtotal "1.234" is not an amount/);
  });

  it('leaves entity references it does not know untouched instead of expanding anything', () => {
    const xml = '<QBXML><QBXMLMsgsRs><CustomerAddRs requestID="r&amp;1&#33;" statusCode="3180" statusSeverity="Error" statusMessage="x &unknown; y" /></QBXMLMsgsRs></QBXML>';
    const { results } = parseQbxmlResponse(xml);
    expect(results[0]).toMatchObject({ requestId: 'r&1!', statusMessage: 'x &unknown; y' });
  });
});

describe('the Web Connector host/company/preferences response', () => {
  it('gives the product, the supported versions, the company and its tax preferences', () => {
    const hcp = parseHcpResponse(fixture('hcp-response.xml'));
    expect(hcp.host?.productName).toBe('QuickBooks Enterprise Solutions: Wholesale Edition 23.0');
    expect(hcp.host?.supportedQbxmlVersions).toHaveLength(19);
    expect(hcp.host).toMatchObject({ majorVersion: '33', country: 'US', qbFileMode: 'SingleUser', isAutomaticLogin: false });
    expect(hcp.company).toMatchObject({ companyName: 'Promo Mugs & More', legalCompanyName: 'Promo Mugs & More LLC', dataExt: { FileID: '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}' } });
    expect(hcp.preferences).toMatchObject({ salesTaxEnabled: true, isAutoApplyingPayments: true, isUsingInventory: true, defaultItemSalesTaxRef: { fullName: 'Out of State' } });
    expect(pickQbxmlVersion(hcp.host?.supportedQbxmlVersions ?? [])).toBe('16.0');
  });

  it('refuses QuickBooks older than 2015 (qbXML 13.0)', () => {
    const hcp = parseHcpResponse(fixture('hcp-response-qb2014.xml'));
    expect(hcp.preferences).toBeUndefined();
    expect(pickQbxmlVersion(hcp.host?.supportedQbxmlVersions ?? [])).toBeNull();
  });

  it('picks the highest version we speak', () => {
    expect(pickQbxmlVersion(['1.0', '12.0', '13.0'])).toBe('13.0');
    expect(pickQbxmlVersion(['13.0', '14.0'])).toBe('14.0');
    expect(pickQbxmlVersion(['13.0', '14.0', '15.0'])).toBe('15.0');
    expect(pickQbxmlVersion(['16.0', '17.0'])).toBe('16.0');
    expect(pickQbxmlVersion(['CA3.0', 'UK2.0'])).toBeNull();
    expect(pickQbxmlVersion([])).toBeNull();
  });
});

describe('classifyStatus', () => {
  it.each([
    [0, 'ok', false],
    [1, 'empty', false],
    [500, 'empty', false],
    [3100, 'adopt', false],
    [3120, 'rejected', false],
    [3140, 'rejected', false],
    [3170, 'rejected', false],
    [3175, 'retryLater', true],
    [3176, 'retryLater', true],
    [3180, 'rejected', false],
    [3200, 'stale', true],
    [3250, 'rejected', false],
    [3260, 'rejected', false],
    [3391, 'rejected', false],
    [530, 'ok', false],
  ] as const)('%i → %s', (statusCode, outcome, retryable) => {
    const c = classifyStatus({ statusCode, statusMessage: 'QuickBooks text', kind: 'InvoiceAdd' });
    expect(c.outcome).toBe(outcome);
    expect(c.retryable).toBe(retryable);
    expect(c.message).toMatch(/\.$|"$/);
  });

  it('quotes QuickBooks in a sentence a bookkeeper can act on', () => {
    const c = classifyStatus({ statusCode: 3140, kind: 'InvoiceAdd', statusMessage: 'There is an invalid reference to QuickBooks Item "A7102" in the Invoice.' });
    expect(c.message).toContain('invoice');
    expect(c.message).toContain('QuickBooks said: "There is an invalid reference to QuickBooks Item "A7102" in the Invoice."');
    expect(classifyStatus({ statusCode: 3100, kind: 'CustomerAdd' }).message).toMatch(/customer with this name already exists/);
    expect(classifyStatus({ statusCode: 3260 }).message).toMatch(/permission/);
  });
});
