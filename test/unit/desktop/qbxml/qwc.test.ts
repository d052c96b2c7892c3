import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { appUrlProblem, buildQwc, QBFLOW_OWNER_ID, QwcError } from '../../../../quickbooks/desktop/qbxml/index.js';
import { parseXmlTree } from '../../../../quickbooks/desktop/qbxml/tree.js';

const input = {
  appName: 'qbflow - Smith & Sons (1234abcd)',
  appDescription: 'Sends documents from qbflow',
  appUrl: 'https://qbflow.example.com/qbwc',
  appSupportUrl: 'https://qbflow.example.com/qbwc/support',
  userName: 'qbflow-0011223344',
  fileId: '6b1c2d7a-3b84-4e55-9a0d-2c7e51b0f4a9',
  runEveryMinutes: 30,
};

describe('the .QWC file', () => {
  it('is well-formed, with every element the Web Connector reads, in order, and escapes what it quotes', () => {
    const qwc = buildQwc(input);
    expect(XMLValidator.validate(qwc)).toBe(true);
    const root = parseXmlTree(qwc).root;
    expect(root.children.map((c) => c.name)).toEqual(['AppName', 'AppID', 'AppURL', 'AppDescription', 'AppSupport', 'UserName', 'OwnerID', 'FileID', 'QBType', 'Scheduler', 'IsReadOnly']);
    const text = (name: string) => root.children.find((c) => c.name === name)!.text;
    expect(text('AppName')).toBe('qbflow - Smith & Sons (1234abcd)');
    expect(qwc).toContain('Smith &amp; Sons');
    expect(text('OwnerID')).toBe(QBFLOW_OWNER_ID);
    expect(text('FileID')).toBe('{6B1C2D7A-3B84-4E55-9A0D-2C7E51B0F4A9}');
    expect(text('QBType')).toBe('QBFS');
    expect(text('IsReadOnly')).toBe('false');
    expect(qwc).toContain('<RunEveryNMinutes>30</RunEveryNMinutes>');
  });

  it('accepts https everywhere and plain http for localhost only', () => {
    expect(appUrlProblem('https://qbflow.example.com/qbwc')).toBeUndefined();
    expect(appUrlProblem('http://localhost:3000/qbwc')).toBeUndefined();
    expect(appUrlProblem('http://127.0.0.1:3000/qbwc')).toBeUndefined();
    expect(appUrlProblem('http://qbflow.example.com/qbwc')).toMatch(/only accepts https/);
    expect(appUrlProblem('ftp://qbflow.example.com/qbwc')).toMatch(/only accepts https/);
    expect(() => buildQwc({ ...input, appUrl: 'http://qbflow.example.com/qbwc', appSupportUrl: 'http://qbflow.example.com/help' })).toThrow(QwcError);
  });

  it('wants AppSupport on the same host, a GUID FileID and a whole number of minutes', () => {
    expect(() => buildQwc({ ...input, appSupportUrl: 'https://help.example.org/' })).toThrow(/same host/);
    expect(() => buildQwc({ ...input, fileId: 'not-a-guid' })).toThrow(/not a GUID/);
    expect(() => buildQwc({ ...input, runEveryMinutes: 0 })).toThrow(/RunEveryNMinutes/);
  });
});
