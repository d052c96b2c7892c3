// Reading the ticket of a large receiveResponseXML from the first bytes of its SOAP body.
import { describe, expect, it } from 'vitest';
import { peekReceiveTicket } from '../../api/qbwc/body.js';

const NS = 'http://developer.intuit.com/';

describe('peeking a receiveResponseXML ticket', () => {
  it('finds it with or without prefixes, and only in receiveResponseXML', () => {
    expect(peekReceiveTicket(`<soap:Envelope><soap:Body><receiveResponseXML xmlns="${NS}"><ticket>abc_123-X</ticket><response>&lt;QBXML`)).toBe('abc_123-X');
    expect(peekReceiveTicket(`<s:Body><q:receiveResponseXML xmlns:q="${NS}"><q:ticket> t1 </q:ticket><q:response>`)).toBe('t1');
    expect(peekReceiveTicket(`<soap:Body><sendRequestXML xmlns="${NS}"><ticket>abc</ticket>`)).toBeUndefined();
    expect(peekReceiveTicket(`<soap:Body><receiveResponseXML xmlns="${NS}"><response>x</response>`)).toBeUndefined();
    expect(peekReceiveTicket(`<soap:Body><receiveResponseXML xmlns="${NS}"><ticket>${'a'.repeat(300)}</ticket>`)).toBeUndefined();
  });
});
