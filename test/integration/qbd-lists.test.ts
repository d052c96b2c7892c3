// Importing a company file's lists through iterators (MaxReturned pages, Continue until nothing remains), on the
// first Web Connector run and on demand, and serving the pickers from what was imported.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQbxmlMessage, buildRequest } from '../../quickbooks/desktop/qbxml/index.js';
import { connectDesktop, createCompanyFile, QUICK_QBD_ENV, runUntil, type CompanyFile, type DesktopConnection } from '../../sandbox/qbd/index.js';
import { createTenant, startTestStack, type TestStack } from '../support/stack.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let key: string;
let company: CompanyFile;
let desktop: DesktopConnection;
let sql: postgres.Sql;

const customerName = (n: number) => `Customer ${String(n).padStart(4, '0')}`;

function addCustomers(file: CompanyFile, from: number, count: number) {
  for (let start = from; start < from + count; start += 100) {
    const requests = [];
    for (let n = start; n < Math.min(from + count, start + 100); n++) {
      requests.push(buildRequest({ kind: 'CustomerAdd', requestId: `c${n}`, input: { name: customerName(n), email: `ap${n}@example.com` } }));
    }
    const response = file.processRequest(buildQbxmlMessage(requests, { version: '16.0' }));
    expect(response).not.toContain('statusSeverity="Error"');
  }
}

const webConnectorState = async (): Promise<Json> =>
  (await stack.call('GET', `/v1/connections/${desktop.connectionId}/web-connector`, { key })).body;
const customersImport = async (): Promise<Json> => (await webConnectorState()).lists.find((l: Json) => l.kind === 'customers');

beforeAll(async () => {
  // the import is run by the SOAP endpoint itself: no worker needed
  stack = await startTestStack({ worker: false, env: { ...QUICK_QBD_ENV, QBD_LIST_PAGE_SIZE: '100' } });
  key = (await createTenant(stack)).apiKey;
  company = createCompanyFile({ companyName: 'Big Customer Base Inc' });
  addCustomers(company, 0, 1000);
  sql = postgres(stack.config.databaseUrl, { max: 1 });
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

describe('importing lists from QuickBooks Desktop', () => {
  it('imports 1,000 customers through an iterator during the first Web Connector run', async () => {
    desktop = await connectDesktop(stack.apiUrl, key, { company });
    const run = desktop.wc.runs[0]!;
    expect(run.outcome).toBe('completed');

    const customers = await customersImport();
    expect(customers).toMatchObject({ state: 'done', count: 1000, pages: 10, error: null });
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from qbd_list_entries where connection_id = ${desktop.connectionId} and kind = 'customers'`;
    expect(n).toBe(1000);

    const pages = await sql<{ request_xml: string; result: Json }[]>`
      select request_xml, result from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerQuery' order by id`;
    expect(pages).toHaveLength(10);
    expect(pages[0]!.request_xml).toContain('iterator="Start"');
    expect(pages.slice(1).every((p) => p.request_xml.includes('iterator="Continue"') && p.request_xml.includes(`iteratorID="${pages[0]!.result.iteratorId}"`))).toBe(true);
    expect(pages.every((p) => p.request_xml.includes('<MaxReturned>100</MaxReturned>'))).toBe(true);
    expect(pages.map((p) => p.result.iteratorRemainingCount)).toEqual([900, 800, 700, 600, 500, 400, 300, 200, 100, 0]);
    // all pages in the first run: the next page is queued in the same transaction that stores the last one
    expect(run.messages).toBeLessThanOrEqual(11);

    const state = await webConnectorState();
    expect(state.lists.map((l: Json) => [l.kind, l.state]).sort()).toEqual([['accounts', 'done'], ['customers', 'done'], ['items', 'done'], ['vendors', 'done']]);
  });

  it('serves the customer picker from the imported list', async () => {
    const found = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/customers?search=${encodeURIComponent('Customer 0999')}`, { key });
    expect(found.body.results).toEqual([expect.objectContaining({ name: 'Customer 0999', active: true })]);
    const page = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/customers`, { key });
    expect(page.body.results).toHaveLength(100);
    expect(page.body.results[0].name).toBe('Customer 0000');
    const vendors = await stack.call('GET', `/v1/connections/${desktop.connectionId}/quickbooks/vendors`, { key });
    expect(vendors.body.results.map((v: Json) => v.name)).toEqual(['State Board of Equalization']);
  });

  it('imports again on demand, starting over when an iterator dies with its session', async () => {
    addCustomers(company, 1000, 5);
    const accepted = await stack.call('POST', `/v1/connections/${desktop.connectionId}/quickbooks/import`, { key });
    expect(accepted.status).toBe(202);
    expect((await customersImport()).state).toBe('running');

    // the session carrying the third page drops: its iterator is gone, so the Continue that is sent again later
    // is refused (3391) and the customers are imported from the start
    let pagesSent = 0;
    desktop.wc.faults.dropConnectionAfterSendRequest(1, (request) => request.includes('<CustomerQueryRq') && ++pagesSent === 3);
    const runs: string[] = [];
    await runUntil(desktop.wc, async () => (await customersImport()).state === 'done', { onRun: (r) => runs.push(r.outcome) });
    expect(runs).toContain('dropped');

    const customers = await customersImport();
    expect(customers).toMatchObject({ state: 'done', count: 1005, error: null });
    const [{ restarts }] = await sql<{ restarts: number }[]>`select restarts from qbd_list_imports where connection_id = ${desktop.connectionId} and kind = 'customers'`;
    expect(restarts).toBe(1);
    const refused = await sql`select 1 from qbd_requests where connection_id = ${desktop.connectionId} and kind = 'CustomerQuery' and status_code = 3391`;
    expect(refused).toHaveLength(1);
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from qbd_list_entries where connection_id = ${desktop.connectionId} and kind = 'customers'`;
    expect(n).toBe(1005);
  });
});
