// Our SOAP endpoint and the emulated Web Connector agree on the wire: what api/qbwc writes, the Web Connector's
// strict reader accepts, and what the Web Connector writes, api/qbwc reads.
import { describe, expect, it } from 'vitest';
import { parseSoapCall, QBWC_METHODS, SoapFault, soapFault, soapResult } from '../../../../api/qbwc/soap.js';
import { readInt, readString, readStringArray, soapRequest, SoapFaultError } from '../../../../sandbox/qbd/soap.js';

describe('SOAP between the endpoint and the Web Connector', () => {
  it('reads every call the Web Connector makes, parameters included', () => {
    const call = parseSoapCall(soapRequest('sendRequestXML', [['ticket', 't-1'], ['strHCPResponse', '<QBXML a="1">&</QBXML>'], ['strCompanyFileName', 'C:\\Acme.qbw'], ['qbXMLCountry', 'US'], ['qbXMLMajorVers', 16], ['qbXMLMinorVers', 0]]), 1_000_000);
    expect(call).toEqual({ method: 'sendRequestXML', params: { ticket: 't-1', strHCPResponse: '<QBXML a="1">&</QBXML>', strCompanyFileName: 'C:\\Acme.qbw', qbXMLCountry: 'US', qbXMLMajorVers: '16', qbXMLMinorVers: '0' } });
    for (const method of QBWC_METHODS) expect(parseSoapCall(soapRequest(method, []), 10_000).method).toBe(method);
  });

  it('writes results the Web Connector reads: strings, string arrays and ints', () => {
    expect(readStringArray('authenticate', soapResult('authenticate', ['ticket', '', '30']))).toEqual(['ticket', '', '30']);
    expect(readString('getLastError', soapResult('getLastError', 'NoOp & <more>'))).toBe('NoOp & <more>');
    expect(readInt('receiveResponseXML', soapResult('receiveResponseXML', -1))).toBe(-1);
    expect(readString('sendRequestXML', soapResult('sendRequestXML', '<?xml version="1.0"?><QBXML/>'))).toBe('<?xml version="1.0"?><QBXML/>');
  });

  it('writes faults the Web Connector recognises, and refuses oversized or DTD-carrying calls', () => {
    expect(() => readString('authenticate', soapFault('soap:Client', 'bad'))).toThrow(SoapFaultError);
    expect(() => parseSoapCall(soapRequest('getLastError', [['ticket', 'x'.repeat(2000)]]), 1000)).toThrow(SoapFault);
    expect(() => parseSoapCall('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', 10_000)).toThrow(/DTD/);
  });
});
