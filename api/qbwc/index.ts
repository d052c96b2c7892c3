// The QuickBooks Web Connector's SOAP endpoint: POST /qbwc (SOAP 1.1 document/literal, text/xml), the contract at
// GET /qbwc?wsdl, and the AppSupport page the .QWC file points at. Anything malformed gets a SOAP Fault, never a
// crash; faults are raised before anything is written, so a bad call never touches the queue.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createQbdNotifications } from '../../db/repositories/desktop/notifications.js';
import { QBD_CHANNELS } from '../../db/repositories/desktop/queue.js';
import { createQbwcService, isOpenTicket, type QbwcService } from '../../quickbooks/desktop/index.js';
import { admittedTicket, createSoapBodyParser } from './body.js';
import { parseSoapCall, QBWC_NS, SoapFault, soapFault, soapResult, type SoapCall } from './soap.js';
import { problems } from '../schemas.js';
import { wsdlFor } from './wsdl.js';
import { createWebConnectorWaker } from '../../control/desktop-waits.js';

/** The QBD settings: the full configuration carries them; an app built from a partial one gets the defaults. */
async function dispatch(service: QbwcService, { method, params }: SoapCall, from: string): Promise<string | string[] | number> {
  switch (method) {
    case 'serverVersion': return service.serverVersion();
    case 'clientVersion': return service.clientVersion(params.strVersion);
    case 'authenticate': return service.authenticate(params.strUserName, params.strPassword, from);
    case 'sendRequestXML': return service.sendRequestXML(params);
    case 'receiveResponseXML': return service.receiveResponseXML(params);
    case 'connectionError': return service.connectionError(params);
    case 'getLastError': return service.getLastError(params.ticket);
    case 'closeConnection': return service.closeConnection(params.ticket);
  }
}

const XML = /^\s*(text\/xml|application\/soap\+xml)\s*(;|$)/i;

export default async function qbwcRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = app.deps.config.qbd;
  const enqueued = createQbdNotifications(app.deps.repos.qbdQueue, QBD_CHANNELS.enqueued);
  app.addHook('onClose', () => enqueued.close());
  const wake = createWebConnectorWaker(app.deps.control.client, app.log);
  // payments back on Desktop: each run reads what changed since the mark (control/payments.ts)
  const onRun = (connectionId: string) => app.deps.control.payments.pollDesktop(connectionId);
  const service = createQbwcService({ repos: app.deps.repos, config, enqueued, wake, onRun, log: app.log });
  const endpointUrl = `${app.deps.config.publicUrl}/qbwc`;

  // SOAP bodies are read as text (any declared type: the handler decides), small unless an open session sends them
  const limits = { withoutTicket: Math.min(config.maxSoapBytesWithoutTicket, config.maxSoapBytes), max: config.maxSoapBytes };
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', createSoapBodyParser(limits, (ticket) => isOpenTicket(app.deps.repos.qbdQueue, ticket)));
  app.setErrorHandler((error: FastifyError | SoapFault, request, reply) => {
    let fault: SoapFault;
    if (error instanceof SoapFault) fault = error;
    else if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') fault = new SoapFault('soap:Client', error.message);
    else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) fault = new SoapFault('soap:Client', error.message);
    else {
      request.log.error({ err: error }, 'Web Connector call failed');
      fault = new SoapFault('soap:Server', 'qbflow could not handle this call. Nothing was lost; run the update again.');
    }
    return reply.code(500).type('text/xml; charset=utf-8').send(soapFault(fault.code, fault.message));
  });

  app.post('/qbwc', {
    config: { carriesSecret: true }, // authenticate answers a session ticket
    schema: {
      operationId: 'callWebConnector',
      tags: ['web connector'],
      security: [],
      summary: 'The QuickBooks Web Connector endpoint (SOAP 1.1; see ?wsdl)',
      consumes: ['text/xml'],
      produces: ['text/xml'],
      body: Type.String({ description: 'A SOAP 1.1 envelope' }),
      description: 'Every fault, the caller\'s included, is a SOAP Fault with HTTP 500 as SOAP 1.1 requires; only requests HTTP itself refuses get a 4xx (problem+json).',
      response: { 200: Type.String({ description: 'A SOAP 1.1 envelope' }), ...problems(431), 500: Type.String({ description: 'A SOAP Fault' }) },
    },
  }, async (request, reply) => {
    if (!XML.test(request.headers['content-type'] ?? '')) throw new SoapFault('soap:Client', 'Send the SOAP envelope as text/xml');
    const call = parseSoapCall(String(request.body ?? ''), config.maxSoapBytes);
    const ticket = admittedTicket(request);
    if (ticket !== undefined && (call.method !== 'receiveResponseXML' || call.params.ticket !== ticket)) {
      throw new SoapFault('soap:Client', `The request is larger than ${limits.withoutTicket} bytes; only receiveResponseXML from an open Web Connector session may be larger`);
    }
    const action = String(request.headers.soapaction ?? '').trim().replace(/^"|"$/g, '');
    if (action && action !== `${QBWC_NS}${call.method}`) throw new SoapFault('soap:Client', `SOAPAction "${action}" does not match the ${call.method} call`);
    const value = await dispatch(service, call, request.ip);
    return reply.code(200).type('text/xml; charset=utf-8').send(soapResult(call.method, value));
  });

  app.get('/qbwc', {
    schema: {
      operationId: 'getWebConnectorContract',
      tags: ['web connector'],
      security: [],
      summary: 'The Web Connector contract (?wsdl)',
      querystring: Type.Object({ wsdl: Type.Optional(Type.String()) }),
      produces: ['text/xml', 'text/plain'],
      response: { 200: Type.String({ description: 'The WSDL (with ?wsdl), else a line saying what this endpoint is' }), ...problems(431) },
    },
  }, async (request, reply) => {
    if (request.query.wsdl === undefined) {
      return reply.type('text/plain; charset=utf-8').send(`qbflow's QuickBooks Web Connector endpoint. POST SOAP 1.1 calls here; the contract is at ${endpointUrl}?wsdl`);
    }
    return reply.type('text/xml; charset=utf-8').send(await wsdlFor(config.wsdlPath, endpointUrl));
  });

  app.get('/qbwc/support', { schema: { operationId: 'getWebConnectorHelp', tags: ['web connector'], security: [], summary: 'Help for people running the Web Connector', produces: ['text/html'], response: { 200: Type.String({ description: 'An HTML page' }), ...problems(431) } } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(SUPPORT_PAGE));
}

const SUPPORT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>qbflow and QuickBooks Desktop</title></head><body>
<h1>qbflow and the QuickBooks Web Connector</h1>
<ol>
<li>Download the .QWC file for your connection and open it with the QuickBooks Web Connector (File &gt; Add an application).</li>
<li>Allow qbflow in QuickBooks when asked, including "Allow this application to login automatically".</li>
<li>Enter the password qbflow showed when the connection was created (or issue a new one), and tick the application.</li>
<li>Click "Update Selected", or let the Web Connector run on its schedule.</li>
</ol>
<p>Each Web Connector entry belongs to one company file. To connect another company file, create another qbflow connection.</p>
</body></html>`;
