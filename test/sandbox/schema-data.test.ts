import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isDesktopOnly } from '../../scripts/qbo-schema/desktop-only.js';
import { generateSchemaText } from '../../scripts/qbo-schema/format.js';
import { ENTITY_NAMES } from '../../sandbox/qbo/company/company.js';
import { PRIMITIVES, schemaData } from '../../sandbox/qbo/schema/data.js';

const data = schemaData();

/** The type at a path such as `Invoice.Line[].SalesItemLineDetail.ItemRef` (entity first; `[]` steps into an array). */
function typeAt(path: string): string {
  const [entity, ...steps] = path.split('.');
  let type = data.entities[entity ?? ''];
  if (type === undefined) throw new Error(`no entity ${entity}`);
  for (const step of steps) {
    const array = step.endsWith('[]');
    const name = array ? step.slice(0, -2) : step;
    const field = data.types[type]?.fields[name];
    if (field === undefined) throw new Error(`${path}: no ${name} in ${type}`);
    if (array !== field.endsWith('[]')) throw new Error(`${path}: ${name} is ${field}`);
    type = array ? field.slice(0, -2) : field;
  }
  return type;
}

describe('schema data generated from Intuit’s XSDs', () => {
  it('serves every entity the sandbox and its planned additions need', () => {
    const wanted = [...ENTITY_NAMES, 'CreditMemo', 'TimeActivity', 'Preferences', 'Class', 'Department', 'Term', 'TaxRate', 'SalesReceipt', 'RefundReceipt', 'Estimate', 'Deposit', 'JournalEntry'];
    for (const entity of wanted) expect(data.types[data.entities[entity] ?? '']).toBeDefined();
  });

  it('knows the paths the product writes, with their basic types', () => {
    expect(typeAt('Invoice.Line[].SalesItemLineDetail.ItemRef')).toBe('ReferenceType');
    expect(data.types.ReferenceType?.fields).toEqual({ value: 'string', name: 'string', type: 'string' });
    expect(typeAt('Invoice.TxnTaxDetail.TotalTax')).toBe('decimal');
    expect(typeAt('Customer.PrimaryEmailAddr.Address')).toBe('string');
    expect(typeAt('Invoice.Line[].SalesItemLineDetail.Qty')).toBe('decimal');
    expect(typeAt('Invoice.TxnDate')).toBe('date');
    expect(typeAt('Invoice.CustomerMemo.value')).toBe('string');
    expect(typeAt('Payment.Line[].LinkedTxn[].TxnId')).toBe('string');
    expect(typeAt('Bill.Line[].AccountBasedExpenseLineDetail.AccountRef.value')).toBe('string');
    expect(typeAt('Item.TrackQtyOnHand')).toBe('boolean');
    expect(typeAt('Invoice.Line[].LineNum')).toBe('integer');
    expect(typeAt('Invoice.MetaData.CreateTime')).toBe('dateTime');
    expect(typeAt('Invoice.InvoiceEx')).toBe('any');
  });

  it('follows xs:extension bases: every entity carries IntuitEntity’s fields and attributes', () => {
    for (const entity of ['Invoice', 'Customer', 'Bill', 'TimeActivity']) {
      const fields = data.types[data.entities[entity] ?? '']?.fields ?? {};
      expect(fields).toMatchObject({ Id: 'string', SyncToken: 'string', MetaData: 'ModificationMetaData', CustomField: 'CustomField[]', domain: 'string', sparse: 'boolean', status: 'EntityStatusEnum' });
    }
    // Transaction fields reach Invoice through SalesTransaction and Transaction.
    expect(typeAt('Invoice.PrivateNote')).toBe('string');
    expect(typeAt('Invoice.DocNumber')).toBe('string');
  });

  it('keeps every branch of Line’s detail choice', () => {
    const line = data.types.Line?.fields ?? {};
    for (const detail of ['SalesItemLineDetail', 'DiscountLineDetail', 'SubTotalLineDetail', 'DescriptionLineDetail', 'GroupLineDetail', 'AccountBasedExpenseLineDetail', 'ItemBasedExpenseLineDetail', 'TaxLineDetail']) {
      expect(line[detail]).toBe(detail);
    }
    expect(typeAt('Invoice.Line[].DetailType')).toBe('LineDetailTypeEnum');
    expect(data.enums.LineDetailTypeEnum).toEqual(expect.arrayContaining(['SalesItemLineDetail', 'DescriptionOnly', 'DiscountLineDetail', 'SubTotalLineDetail']));
  });

  it('lists enum values where the XSD restricts them', () => {
    expect(typeAt('Invoice.EmailStatus')).toBe('EmailStatusEnum');
    expect(data.enums.EmailStatusEnum).toEqual(['NotSet', 'NeedToSend', 'EmailSent']);
    expect(data.enums[typeAt('PurchaseOrder.POStatus')]).toEqual(['Open', 'Closed']);
  });

  it('marks Desktop-only fields by Intuit’s exclusive wording, not by a bare "Product: QBW" section', () => {
    expect(data.types.Bill?.desktopOnly).toEqual(['Memo']);
    expect(data.types.Vendor?.desktopOnly).toEqual(['ContactName', 'AltContactName', 'OtherAddr']);
    expect(data.types.Line?.desktopOnly).toEqual(['CustomField']);
    // Online documents these although an annotation says otherwise (scripts/qbo-schema/desktop-only.ts).
    expect(data.types.PurchaseOrder?.desktopOnly).toBeUndefined();
    // "Product: QBW" alone: Online uses Item.Active and the invoice's ClassRef/SalesTermRef.
    expect(data.types.Item?.desktopOnly).toBeUndefined();
    expect(data.types.Invoice?.desktopOnly).toBeUndefined();

    expect(isDesktopOnly('QBW only. Memo to be visible to Payee')).toBe(true);
    expect(isDesktopOnly('Product: QBW only. Description: An address other than default billing or shipping.')).toBe(true);
    expect(isDesktopOnly('QBW: ONLY. MLI enabled')).toBe(true);
    expect(isDesktopOnly('QBW: used by QB desktop, not used by QBO')).toBe(true);
    expect(isDesktopOnly('Name of the contact within the vendor. Used by QBD only')).toBe(true);
    expect(isDesktopOnly('Product: QBW Description: Reference to the Class associated with the transaction.')).toBe(false);
    expect(isDesktopOnly('Product: QBW Description: Supported only for QuickBooks Windows desktop. Product: QBO Description: …')).toBe(false);
    expect(isDesktopOnly('Hourly cost rate of the Employee. QBO only. QBD Unsupporetd field.')).toBe(false);
  });

  it('refers only to types it defines', () => {
    const known = new Set<string>([...PRIMITIVES, ...Object.keys(data.enums), ...Object.keys(data.types)]);
    for (const [name, type] of Object.entries(data.types)) {
      for (const [field, ref] of Object.entries(type.fields)) expect(known.has(ref.replace(/\[\]$/, '')), `${name}.${field}: ${ref}`).toBe(true);
      for (const field of type.desktopOnly ?? []) expect(type.fields[field], `${name}.${field}`).toBeDefined();
    }
  });

  // The committed file is what the generator makes of Intuit's XSDs (where a checkout has them beside it).
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const specDir = ['../shared/spec/qbo', '../../shared/spec/qbo'].map((dir) => `${repo}${dir}`).find((dir) => existsSync(`${dir}/Finance.xsd`));
  it.skipIf(specDir === undefined)('is exactly what scripts/generate-qbo-schema.ts makes of the XSDs', () => {
    const committed = readFileSync(new URL('../../sandbox/qbo/schema/entities.json', import.meta.url), 'utf8');
    expect(generateSchemaText(specDir as string)).toBe(committed);
  });
});
