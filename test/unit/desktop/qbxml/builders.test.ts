import { describe, expect, it } from 'vitest';
import {
  buildBillAdd,
  buildCustomerAdd,
  buildCustomerQuery,
  buildInvoiceAdd,
  buildInvoiceMod,
  buildItemServiceAdd,
  buildQbxmlMessage,
  buildReceivePaymentAdd,
  buildRequest,
  QbxmlInputError,
  QBXML_LIMITS,
  sanitizeListName,
} from '../../../../quickbooks/desktop/qbxml/index.js';
import { parseXmlTree, type XNode } from '../../../../quickbooks/desktop/qbxml/tree.js';
import { escapeXml } from '../../../../quickbooks/desktop/qbxml/xml.js';
import { CATALOG, TRICKY_NAME } from './catalog.js';
import { validateAgainstXsd } from './xsd.js';

const VERSIONS = ['13.0', '16.0'] as const;

function find(node: XNode, name: string): XNode | undefined {
  if (node.name === name) return node;
  for (const child of node.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

describe('qbXML builders against Intuit schemas', () => {
  it.each(VERSIONS)('every request kind is valid qbXML %s, one request per message', async (version) => {
    const docs = CATALOG.map((request) => ({ name: request.requestId, xml: buildQbxmlMessage([buildRequest(request)], { version }) }));
    const verdicts = await validateAgainstXsd(version, docs);
    const failures = [...verdicts].filter(([, errors]) => errors.length);
    expect(failures).toEqual([]);
    expect(verdicts.size).toBe(CATALOG.length);
  });

  it.each(VERSIONS)('all kinds together in one %s message are valid', async (version) => {
    const xml = buildQbxmlMessage(CATALOG.map(buildRequest), { version, onError: 'stopOnError' });
    const verdicts = await validateAgainstXsd(version, [{ name: 'all', xml }]);
    expect(verdicts.get('all')).toEqual([]);
  });

  it('covers every kind the queue sends', () => {
    const kinds = new Set(CATALOG.map((r) => r.kind));
    for (const kind of [
      'CustomerQuery', 'CustomerAdd', 'VendorQuery', 'VendorAdd', 'ItemQuery', 'ItemServiceAdd', 'ItemNonInventoryAdd', 'ItemDiscountAdd',
      'ItemSalesTaxAdd', 'InvoiceAdd', 'InvoiceMod', 'InvoiceQuery', 'BillAdd', 'BillMod', 'BillQuery', 'PurchaseOrderAdd',
      'PurchaseOrderQuery', 'ReceivePaymentAdd', 'ReceivePaymentQuery', 'AccountQuery', 'HostQuery', 'CompanyQuery',
    ]) expect(kinds.has(kind as never), kind).toBe(true);
  });

  it('the validator really checks order: a misordered CustomerAdd fails', async () => {
    const good = buildQbxmlMessage([buildCustomerAdd('c1', { name: 'Acme', isActive: true, companyName: 'Acme Corp' })], { version: '13.0' });
    const swapped = good.replace('<Name>Acme</Name><IsActive>true</IsActive>', '<IsActive>true</IsActive><Name>Acme</Name>');
    expect(swapped).not.toBe(good);
    const unknown = good.replace('<CompanyName>', '<Company>').replace('</CompanyName>', '</Company>');
    const verdicts = await validateAgainstXsd('13.0', [
      { name: 'good', xml: good },
      { name: 'swapped', xml: swapped },
      { name: 'unknown', xml: unknown },
    ]);
    expect(verdicts.get('good')).toEqual([]);
    expect(verdicts.get('swapped')?.join('\n')).toMatch(/IsActive.*not expected/);
    expect(verdicts.get('unknown')?.length).toBeGreaterThan(0);
  });
});

describe('envelope', () => {
  it('carries the qbXML version, onError and the requests in order', () => {
    const xml = buildQbxmlMessage(['<HostQueryRq requestID="a"></HostQueryRq>', '<CompanyQueryRq requestID="b"></CompanyQueryRq>'], { version: '16.0' });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><?qbxml version="16.0"?><QBXML><QBXMLMsgsRq onError="continueOnError">' +
        '<HostQueryRq requestID="a"></HostQueryRq><CompanyQueryRq requestID="b"></CompanyQueryRq></QBXMLMsgsRq></QBXML>',
    );
    const doc = parseXmlTree(xml);
    expect(doc.instructions.qbxml).toEqual({ version: '16.0' });
  });

  it('refuses versions below 13.0 and unknown ones', () => {
    expect(() => buildQbxmlMessage([], { version: '12.0' as never })).toThrow(QbxmlInputError);
    expect(() => buildQbxmlMessage([], { version: '17.0' as never })).toThrow(/not supported/);
  });
});

describe('escaping and text', () => {
  it('names with apostrophes, ampersands, accents and dashes survive a round trip', () => {
    const xml = buildCustomerAdd('c1', { name: TRICKY_NAME, notes: 'a < b > c "quoted"' });
    expect(xml).toContain('<Name>O&apos;Brien &amp; Søn – Café</Name>');
    const root = parseXmlTree(xml).root;
    expect(find(root, 'Name')?.text).toBe(TRICKY_NAME);
    expect(find(root, 'Notes')?.text).toBe('a < b > c "quoted"');
  });

  it('escapes the requestID attribute', () => {
    const xml = buildCustomerQuery('a"b&<c>', { fullNames: ['x'] });
    expect(parseXmlTree(xml).root.attrs.requestID).toBe('a"b&<c>');
  });

  it('refuses characters XML cannot carry, naming the field, rather than dropping them', () => {
    expect(() => buildCustomerAdd('c1', { name: 'Bell\u0007 Co' })).toThrow(/Name contains the control character U\+0007 \(BEL\)/);
    const xml = buildCustomerAdd('c1', { name: 'Bell Co', notes: 'tab\tok' });
    expect(find(parseXmlTree(xml).root, 'Notes')?.text).toBe('tab\tok');
    expect(escapeXml('a\u0000b\uFFFE')).toBe('ab'); // the last line of defence still drops them
  });
});

describe('limits: identity fields are refused, free text is truncated', () => {
  it('refuses a customer name over 41 characters, and a colon', () => {
    expect(() => buildCustomerAdd('c', { name: 'x'.repeat(42) })).toThrow(/longer than QuickBooks allows \(41/);
    expect(() => buildCustomerAdd('c', { name: 'é'.repeat(41) })).not.toThrow();
    expect(() => buildCustomerAdd('c', { name: 'Acme: East' })).toThrow(/":"/);
    expect(() => buildCustomerAdd('c', { name: '   ' })).toThrow(/empty/);
  });

  it('refuses an item name over 31 characters', () => {
    expect(() => buildItemServiceAdd('i', { name: 'x'.repeat(32), salesOrPurchase: { account: { fullName: 'Sales' } } })).toThrow(/31/);
  });

  it('refuses an invoice RefNumber over 11 characters, a bill RefNumber over 20', () => {
    const base = { customer: { fullName: 'A' }, lines: [] };
    expect(() => buildInvoiceAdd('i', { ...base, refNumber: '123456789012' })).toThrow(/RefNumber.*11/);
    expect(() => buildInvoiceAdd('i', { ...base, refNumber: '12345678901' })).not.toThrow();
    const bill = { vendor: { fullName: 'V' }, expenseLines: [{ account: { fullName: 'X' }, amountCents: 1 }] };
    expect(() => buildBillAdd('b', { ...bill, refNumber: 'x'.repeat(21) })).toThrow(/20/);
    expect(() => buildBillAdd('b', { ...bill, refNumber: 'x'.repeat(20) })).not.toThrow();
  });

  it('truncates a memo to 4095 characters and an address line to 41', () => {
    const xml = buildInvoiceAdd('i', { customer: { fullName: 'A' }, memo: 'm'.repeat(5000), billAddress: { addr1: 'a'.repeat(60) }, lines: [] });
    const root = parseXmlTree(xml).root;
    expect(find(root, 'Memo')?.text.length).toBe(QBXML_LIMITS.memo);
    expect(find(root, 'Addr1')?.text.length).toBe(41);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(() => buildInvoiceAdd('i', { customer: { fullName: 'A' }, txnDate: '2024-02-30', lines: [] })).toThrow(/not a date/);
    expect(() => buildInvoiceAdd('i', { customer: { fullName: 'A' }, txnDate: '2024-02-29', lines: [] })).not.toThrow();
  });

  it('refuses requestIDs over 50 characters', () => {
    expect(() => buildCustomerQuery('r'.repeat(51))).toThrow(/requestID/);
  });

  it('sanitizeListName makes an upstream name acceptable', () => {
    expect(sanitizeListName('  Acme:  East   Coast  ')).toBe('Acme- East Coast');
    expect(sanitizeListName('y'.repeat(60)).length).toBe(41);
  });
});

describe('money, quantities and lines', () => {
  it('formats integer cents with two decimals and keeps decimal strings for quantity and rate', () => {
    const xml = buildInvoiceAdd('i', {
      customer: { fullName: 'A' },
      lines: [
        { item: { fullName: 'A7102' }, quantity: '100', rate: '2.30', amountCents: 23000 },
        { item: { fullName: 'Fee' }, amountCents: 5 },
        { item: { fullName: 'Rounded' }, quantity: '3', rate: '0.33335' },
      ],
    });
    expect(xml).toContain('<Quantity>100</Quantity><Rate>2.30</Rate><Amount>230.00</Amount>');
    expect(xml).toContain('<Amount>0.05</Amount>');
    expect(xml).toContain('<Rate>0.33335</Rate>');
  });

  it('sends a discount as a positive Rate on a discount item, without a quantity', () => {
    const xml = buildInvoiceAdd('i', { customer: { fullName: 'A' }, lines: [{ kind: 'discount', item: { fullName: 'Discount' }, desc: 'Discount', amountCents: -1150 }] });
    expect(xml).toContain('<InvoiceLineAdd><ItemRef><FullName>Discount</FullName></ItemRef><Desc>Discount</Desc><Rate>11.50</Rate></InvoiceLineAdd>');
    expect(() => buildInvoiceAdd('i', { customer: { fullName: 'A' }, lines: [{ kind: 'discount', item: { fullName: 'D' }, amountCents: 100 }] })).toThrow(/negative/);
  });

  it('refuses a line whose amount is not quantity × rate, more than five decimals, floats as cents', () => {
    const customer = { fullName: 'A' };
    expect(() => buildInvoiceAdd('i', { customer, lines: [{ item: { fullName: 'X' }, quantity: '3', rate: '2.30', amountCents: 700 }] })).toThrow(/not 3 × 2.30/);
    expect(() => buildInvoiceAdd('i', { customer, lines: [{ item: { fullName: 'X' }, quantity: '1.123456' }] })).toThrow(/5 decimal/);
    expect(() => buildInvoiceAdd('i', { customer, lines: [{ item: { fullName: 'X' }, amountCents: 1.5 }] })).toThrow(/whole number of cents/);
  });

  it('numbers new InvoiceMod lines -1 and keeps existing TxnLineIDs', () => {
    const xml = buildInvoiceMod('m', { txnId: 'T-1', editSequence: '42', lines: [{ txnLineId: 'L-1', item: { fullName: 'X' }, quantity: '2' }, { item: { fullName: 'Y' } }] });
    expect(xml).toContain('<TxnID>T-1</TxnID><EditSequence>42</EditSequence>');
    expect(xml).toContain('<InvoiceLineMod><TxnLineID>L-1</TxnLineID>');
    expect(xml).toContain('<InvoiceLineMod><TxnLineID>-1</TxnLineID><ItemRef><FullName>Y</FullName></ItemRef></InvoiceLineMod>');
  });

  it('checks a payment: applied amounts within the total, named invoices or auto-apply', () => {
    expect(() => buildReceivePaymentAdd('p', { customer: { fullName: 'A' }, totalAmountCents: 100 })).toThrow(/AppliedToTxnAdd/);
    expect(() => buildReceivePaymentAdd('p', { customer: { fullName: 'A' }, totalAmountCents: 100, applyTo: [{ txnId: 'T', paymentAmountCents: 101 }] })).toThrow(/more than/);
    const xml = buildReceivePaymentAdd('p', { customer: { fullName: 'A' }, totalAmountCents: 10000, applyTo: [{ txnId: 'T-1', paymentAmountCents: 10000 }] });
    expect(xml).toContain('<TotalAmount>100.00</TotalAmount><AppliedToTxnAdd><TxnID>T-1</TxnID><PaymentAmount>100.00</PaymentAmount></AppliedToTxnAdd>');
  });
});

describe('query shapes', () => {
  it('iterators need MaxReturned and filters, not look-ups', () => {
    expect(() => buildCustomerQuery('q', { iterator: { mode: 'Start' } })).toThrow(/MaxReturned/);
    expect(() => buildCustomerQuery('q', { fullNames: ['A'], maxReturned: 5, iterator: { mode: 'Start' } })).toThrow();
    expect(() => buildCustomerQuery('q', { fullNames: ['A'], listIds: ['1'] })).toThrow(/only one/);
    expect(buildCustomerQuery('q', { maxReturned: 10, iterator: { mode: 'Continue', iteratorId: '{X}' } })).toBe(
      '<CustomerQueryRq requestID="q" iterator="Continue" iteratorID="{X}"><MaxReturned>10</MaxReturned></CustomerQueryRq>',
    );
  });

  it('buildRequest gives the same fragment as the direct builder', () => {
    const input = { fullNames: [TRICKY_NAME] };
    expect(buildRequest({ kind: 'CustomerQuery', requestId: 'x', input })).toBe(buildCustomerQuery('x', input));
  });
});
