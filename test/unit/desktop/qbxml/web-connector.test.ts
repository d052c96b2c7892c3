import { describe, expect, it } from 'vitest';
import { clientVersionVerdict, companyFingerprint, explainHresult, hasFileId, isReadRequest, percentDone, type CompanyRecord } from '../../../../quickbooks/desktop/qbxml/index.js';
import { parseXmlTree, serializeXml } from '../../../../quickbooks/desktop/qbxml/tree.js';

describe('Web Connector conventions', () => {
  it('accepts 2.1 and later, warns below 2.1, refuses below 2.0', () => {
    expect(clientVersionVerdict('2.3.0.36')).toBe('');
    expect(clientVersionVerdict('2.1.0.30')).toBe('');
    expect(clientVersionVerdict('2.0.1.6')).toMatch(/^W:/);
    expect(clientVersionVerdict('2.0')).toMatch(/^W:/);
    expect(clientVersionVerdict('1.9.9.9')).toMatch(/^E:/);
    expect(clientVersionVerdict('banana')).toBe('');
    expect(clientVersionVerdict(undefined)).toBe('');
  });

  it('reports progress that is true: 100 only when nothing is left, otherwise 1 to 99', () => {
    expect(percentDone(0, 0)).toBe(100);
    expect(percentDone(50, 0)).toBe(100);
    expect(percentDone(50, 70)).toBe(41);
    expect(percentDone(0, 10)).toBe(1);
    expect(percentDone(999, 1)).toBe(99);
  });

  it('explains HRESULTs in words a bookkeeper can act on', () => {
    expect(explainHresult('0x80040408', 'Could not start QuickBooks.')).toMatch(/QuickBooks is not running.*0x80040408/);
    expect(explainHresult('0x80040410', '')).toMatch(/single-user mode/);
    expect(explainHresult('0x80040420', '')).toMatch(/Integrated Applications/);
    expect(explainHresult('0x8004ffff', 'odd')).toMatch(/tried again at the next run.*odd/);
  });

  it('recognises a company file by its FileID data extension, else by name, legal name and EIN', () => {
    const company: CompanyRecord = { type: 'Company', companyName: 'Acme', legalCompanyName: 'Acme LLC', ein: '12-3', dataExt: { AppFileID: '{6B1C2D7A-3B84-4E55-9A0D-2C7E51B0F4A9}' } };
    expect(hasFileId(company, '6b1c2d7a-3b84-4e55-9a0d-2c7e51b0f4a9')).toBe(true);
    expect(hasFileId(company, '00000000-3b84-4e55-9a0d-2c7e51b0f4a9')).toBe(false);
    expect(companyFingerprint(company)).toBe(companyFingerprint({ ...company, companyName: ' ACME ' }));
    expect(companyFingerprint(company)).not.toBe(companyFingerprint({ ...company, ein: '99-9' }));
    expect(companyFingerprint(undefined)).toBeUndefined();
  });

  it('knows which requests can be sent again without risk', () => {
    expect(isReadRequest('CustomerQuery')).toBe(true);
    expect(isReadRequest('InvoiceAdd')).toBe(false);
    expect(isReadRequest('BillMod')).toBe(false);
  });

  it('writes a parsed element back as XML that parses to the same tree', () => {
    const xml = '<CustomerAddRs requestID="a&amp;b" statusCode="0"><CustomerRet><Name>O\'Brien &amp; Søn &lt;x&gt;</Name><Empty/></CustomerRet></CustomerAddRs>';
    const node = parseXmlTree(xml).root;
    expect(parseXmlTree(serializeXml(node)).root).toEqual(node);
  });
});
