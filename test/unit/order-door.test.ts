// The order checks that keep what can never post out of the workflow: amounts QuickBooks accepts (computed exactly),
// totals that make sense, and text QuickBooks and PostgreSQL can hold (Windows-1252 for Desktop).
import { describe, expect, it } from 'vitest';
import { lineAmountCents, lineAmountExact, MAX_AMOUNT_CENTS, MoneyFormatError, parseCents, parseExactCents } from '../../domain/money.js';
import { refuseInvalidOrder } from '../../domain/order-acceptance.js';
import { checkOrder, type Order } from '../../domain/order.js';
import { Refusal } from '../../domain/refusals.js';

const seed: Order = {
  orderId: 'ORD-1',
  number: '1001',
  date: '2026-11-20',
  sentBy: { userId: 'u1' },
  documents: ['invoice', 'bill'],
  customer: { externalId: 'C1', name: 'ABC Company' },
  vendor: { externalId: 'V1', name: 'ASI Supplier' },
  lines: [{ productNumber: 'A7102', productName: 'Almond - 11 oz/Stoneware', quantity: '100', unitPrice: '2.30', unitCost: '1.15' }],
  discount: '11.50',
  payments: [{ externalId: 'P1', amount: '100.00', date: '2026-11-20' }],
};
const line = seed.lines[0]!;
const problems = (order: Partial<Order>, ledger?: 'qbo' | 'qbd') => checkOrder({ ...seed, ...order }, ledger ? { ledger } : {});

describe('money beyond exact cents and beyond QuickBooks', () => {
  it('computes 9999999999 × 9999999999 exactly and refuses to squeeze it into a number', () => {
    expect(lineAmountExact('9999999999', '9999999999')).toBe(9999999998000000000100n);
    expect(() => lineAmountCents('9999999999', '9999999999')).toThrow(MoneyFormatError);
    expect(() => lineAmountCents('9999999999', '9999999999')).toThrow(/too large to count in cents exactly/);
    expect(parseExactCents('99999999999.99')).toBe(9999999999999n);
    expect(parseCents('99999999999.99')).toBe(9999999999999);
  });

  it('holds every amount to 9,999,999,999.99, inside a safe integer of cents', () => {
    expect(MAX_AMOUNT_CENTS).toBe(999_999_999_999);
    expect(Number.isSafeInteger(MAX_AMOUNT_CENTS * 100)).toBe(true);
  });

  it('refuses a line beyond the limit, naming the line and the amount', () => {
    expect(problems({ discount: undefined, payments: [], lines: [{ ...line, quantity: '9999999999', unitPrice: '9999999999', unitCost: '1' }] })).toEqual([
      { field: 'lines/0', message: 'amounts to 99999999980000000001.00 (quantity × unitPrice); QuickBooks accepts at most 9999999999.99 for one line' },
    ]);
  });

  it('accepts a line exactly at the limit and refuses one cent more', () => {
    const at = { ...line, quantity: '1', unitPrice: '9999999999.99', unitCost: '1' };
    expect(problems({ discount: undefined, payments: [], lines: [at] })).toEqual([]);
    expect(problems({ discount: undefined, payments: [], lines: [{ ...at, unitPrice: '10000000000' }] }).map((p) => p.field)).toEqual(['lines/0']);
  });

  it('refuses lines that add up beyond the limit, and a cost beyond it for bills', () => {
    const half = { ...line, quantity: '2', unitPrice: '2500000000', unitCost: '1' };
    expect(problems({ discount: undefined, payments: [], lines: [half, half] })).toEqual([
      { field: 'lines', message: 'add up to 10000000000.00; QuickBooks accepts at most 9999999999.99 for one invoice' },
    ]);
    expect(problems({ discount: undefined, payments: [], lines: [{ ...line, unitCost: '9999999999' }] }).map((p) => p.field)).toEqual(['lines/0/unitCost']);
    expect(problems({ documents: ['invoice'], lines: [{ ...line, unitCost: '9999999999' }] })).toEqual([]); // no bill: the cost is not sent
  });

  it('refuses a tax beyond the limit, and a tax that takes the total beyond it', () => {
    expect(problems({ tax: '99999999999.99' }).map((p) => p.field)).toEqual(['tax']);
    const big = { ...line, quantity: '1', unitPrice: '9999999999.00' };
    expect(problems({ discount: undefined, payments: [], lines: [big], tax: '1.00' })).toEqual([
      { field: 'tax', message: 'brings the invoice total to 10000000000.00; QuickBooks accepts at most 9999999999.99 for one invoice' },
    ]);
  });

  it('refuses a discount larger than the lines, but not one equal to them', () => {
    expect(problems({ discount: '230.01', payments: [] })).toEqual([
      { field: 'discount', message: '(230.01) is more than the lines add up to (230.00)' },
    ]);
    expect(problems({ discount: '230.00', payments: [] })).toEqual([]);
  });

  it('refuses payments that add up to more than the invoice total (lines − discount + tax)', () => {
    const two = (a: string, b: string) => [{ externalId: 'P1', amount: a, date: '2026-11-20' }, { externalId: 'P2', amount: b, date: '2026-11-20' }];
    expect(problems({ payments: two('200.00', '18.50') })).toEqual([]); // exactly 218.50
    expect(problems({ payments: two('200.00', '18.51') })).toEqual([
      { field: 'payments', message: 'add up to 218.51, more than the invoice total of 218.50 (lines − discount + tax)' },
    ]);
    expect(problems({ payments: two('200.00', '20.00'), tax: '1.50' })).toEqual([]); // the order's tax is part of the total
    expect(problems({ payments: [{ externalId: 'P1', amount: '99999999999.99', date: '2026-11-20' }] }).map((p) => p.field)).toEqual(['payments/0/amount', 'payments']);
  });
});

describe('text QuickBooks and the database can hold', () => {
  it('refuses NUL in the orderId, in a name, in a memo, naming each field', () => {
    expect(problems({ orderId: 'ORD\u00001' })).toEqual([
      { field: 'orderId', message: 'contains the control character U+0000 (NUL) at character 4: names and ids may not hold control characters' },
    ]);
    expect(problems({ customer: { externalId: 'C1', name: 'ABC\u0000 Company' } }).map((p) => p.field)).toEqual(['customer/name']);
    expect(problems({ memo: 'note\u0000' }).map((p) => p.field)).toEqual(['memo']);
  });

  it('refuses other control characters in names and ids; memos and descriptions keep tabs and line breaks', () => {
    expect(problems({ lines: [{ ...line, productName: 'Almond\u001b[31m' }] }).map((p) => p.field)).toEqual(['lines/0/productName']);
    expect(problems({ number: '10\t01' }).map((p) => p.field)).toEqual(['number']);
    expect(problems({ memo: 'Deliver to:\r\n\tBack door', lines: [{ ...line, description: 'Line one\nLine two' }] })).toEqual([]);
  });

  it('refuses lone surrogates and non-characters anywhere', () => {
    expect(problems({ vendor: { externalId: 'V1', name: 'ASI \uD83D' } }).map((p) => p.field)).toEqual(['vendor/name']);
    expect(problems({ lines: [{ ...line, description: 'x\uFFFF' }] }).map((p) => p.field)).toEqual(['lines/0/description']);
    expect(problems({ payments: [{ externalId: 'P1', amount: '1.00', date: '2026-11-20', reference: 'R\uDC00' }] }).map((p) => p.field)).toEqual(['payments/0/reference']);
  });

  it('refuses whitespace-only and invisible names and ids', () => {
    expect(problems({ customer: { externalId: 'C1', name: '   ' } })).toEqual([{ field: 'customer/name', message: 'is blank: it has no visible character' }]);
    expect(problems({ lines: [{ ...line, productNumber: '\u200b' }] }).map((p) => p.field)).toEqual(['lines/0/productNumber']);
    expect(problems({ sentBy: { userId: '\u00a0' } }).map((p) => p.field)).toEqual(['sentBy/userId']);
  });

  it('for QuickBooks Desktop, refuses what Windows-1252 cannot store in what is written there, and only there', () => {
    const order = { customer: { externalId: 'C-中', name: 'Łódź Trading' }, memo: 'Grüße 😀' };
    expect(problems(order, 'qbd')).toEqual([
      { field: 'customer/name', message: 'contains "Ł" (U+0141) at character 1, which QuickBooks Desktop cannot store (it keeps text in Windows-1252): replace or transliterate it before sending' },
      { field: 'memo', message: expect.stringContaining('"😀" (U+1F600) at character 7') },
    ]);
    expect(problems(order, 'qbo')).toEqual([]);
    expect(problems({ memo: 'Café “Olé” – 10€' }, 'qbd')).toEqual([]);
    expect(problems({ documents: ['invoice'], vendor: { externalId: 'V1', name: 'Łukasz' } }, 'qbd')).toEqual([]); // no bill: the vendor is not written
  });

  it('answers with a Refusal (400) that lists every field', () => {
    let refusal: unknown;
    try {
      refuseInvalidOrder({ ...seed, orderId: 'a\u0000', discount: '999.00' }, 'qbo');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal).toMatchObject({ kind: 'invalid', problems: [{ field: 'orderId' }, { field: 'discount' }] });
    expect((refusal as Error).message).toMatch(/^The order is not valid: orderId contains the control character U\+0000 \(NUL\)/);
  });
});
