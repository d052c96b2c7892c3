// The sandbox checks every message with its own compiled form of Intuit's schemas (fast enough for thousands of
// requests per second); xmllint is the reference. They must agree on what is valid and what is not.
import { describe, expect, it } from 'vitest';
import { buildCustomerAdd, buildInvoiceAdd, buildQbxmlMessage, buildRequest } from '../../../../quickbooks/desktop/qbxml/index.js';
import { parseXmlTree } from '../../../../quickbooks/desktop/qbxml/tree.js';
import { loadQbxmlSchema, schemaVersionFor } from '../../../../sandbox/qbd/schema/load.js';
import { validateTree } from '../../../../sandbox/qbd/schema/validate.js';
import { CATALOG } from '../qbxml/catalog.js';
import { validateAgainstXsd } from '../qbxml/xsd.js';

const customer = buildCustomerAdd('c', { name: 'Acme', isActive: true, companyName: 'Acme Corp', billAddress: { addr1: '1 Main', city: 'Boston' } });
const invoice = buildInvoiceAdd('i', { customer: { fullName: 'Acme' }, txnDate: '2024-05-01', refNumber: 'R1', memo: 'm', lines: [{ item: { fullName: 'X' }, quantity: '1', rate: '2' }] });

const MUTANTS: [string, string][] = [
  ['swapped Name and IsActive', customer.replace('<Name>Acme</Name><IsActive>true</IsActive>', '<IsActive>true</IsActive><Name>Acme</Name>')],
  ['unknown element', customer.replace('<CompanyName>Acme Corp</CompanyName>', '<Company>Acme Corp</Company>')],
  ['missing required Name', customer.replace('<Name>Acme</Name>', '')],
  ['Memo before RefNumber', invoice.replace('<RefNumber>R1</RefNumber>', '').replace('<Memo>m</Memo>', '<Memo>m</Memo><RefNumber>R1</RefNumber>')],
  ['City before Addr1', customer.replace('<Addr1>1 Main</Addr1><City>Boston</City>', '<City>Boston</City><Addr1>1 Main</Addr1>')],
  ['unknown attribute', customer.replace('<CustomerAddRq requestID="c">', '<CustomerAddRq requestID="c" foo="bar">')],
  ['bad enum', buildRequest({ kind: 'CustomerQuery', requestId: 'q', input: { activeStatus: 'All' } }).replace('>All<', '>Everyone<')],
  ['two CustomerAdd in one Rq', customer.replace('</CustomerAdd>', '</CustomerAdd><CustomerAdd><Name>B</Name></CustomerAdd>')],
  ['text where elements belong', customer.replace('<BillAddress>', '<BillAddress>loose text')],
];

describe('the sandbox schema check agrees with xmllint', () => {
  it.each(['13.0', '16.0'] as const)('accepts every catalogue request in %s', (version) => {
    const schema = loadQbxmlSchema(version);
    for (const request of CATALOG) {
      const root = parseXmlTree(buildQbxmlMessage([buildRequest(request)], { version })).root;
      expect(validateTree(schema, root), request.requestId).toEqual([]);
    }
  });

  it('rejects the same misordered and malformed requests as xmllint', async () => {
    const docs = MUTANTS.map(([name, fragment]) => ({ name, xml: buildQbxmlMessage([fragment], { version: '13.0' }) }));
    const reference = await validateAgainstXsd('13.0', docs);
    const schema = loadQbxmlSchema('13.0');
    for (const doc of docs) {
      const ours = validateTree(schema, parseXmlTree(doc.xml).root).filter((i) => i.severity === 'structure');
      expect(reference.get(doc.name)?.length, `xmllint on ${doc.name}`).toBeGreaterThan(0);
      expect(ours.length, `sandbox on ${doc.name}`).toBeGreaterThan(0);
    }
  });

  it('reports value problems (length, boolean, date, amount) separately from structure', () => {
    const fragment = customer.replace('<Name>Acme</Name>', `<Name>${'x'.repeat(42)}</Name>`).replace('<IsActive>true</IsActive>', '<IsActive>yes</IsActive>');
    const issues = validateTree(loadQbxmlSchema('13.0'), parseXmlTree(buildQbxmlMessage([fragment], { version: '13.0' })).root);
    expect(issues.map((i) => [i.severity, i.field, i.problem?.kind])).toEqual([
      ['value', 'Name', 'length'],
      ['value', 'IsActive', 'boolean'],
    ]);
  });

  it('maps request versions to the schema folders we carry', () => {
    expect(['12.0', '13.0', '14.0', '15.0', '16.0', '17.0'].map(schemaVersionFor)).toEqual([null, '13.0', '16.0', '16.0', '16.0', null]);
  });
});
