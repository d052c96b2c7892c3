// Over real SOAP: an iterator QuickBooks opened in one Web Connector run cannot be continued in the next (3391),
// because each run is its own QuickBooks session; within a run the pages follow one another.
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanyFile } from '../../../../sandbox/qbd/company-file.js';
import { seedTimeCompany } from '../../../../sandbox/qbd/company/seed-time.js';
import { createWebConnector, type WebConnector } from '../../../../sandbox/qbd/web-connector.js';
import { startFakeEndpoint, type FakeEndpoint } from './fake-endpoint.js';

const open: { endpoint: FakeEndpoint; wc: WebConnector }[] = [];
afterEach(async () => {
  for (const { endpoint, wc } of open.splice(0)) {
    await wc.stop();
    await endpoint.close();
  }
});

describe('iterators and Web Connector sessions', () => {
  it('a Continue sent in the next run answers 3391 with QuickBooks’ message', async () => {
    const company = createCompanyFile();
    seedTimeCompany(company.bookkeeper, { customers: 5, jobsPerCustomer: 1 });
    const endpoint = await startFakeEndpoint([{ kind: 'CustomerQuery', requestId: 'start', input: { maxReturned: 4, iterator: { mode: 'Start' } } }], { batchSize: 1 });
    const wc = createWebConnector({ url: endpoint.url, userName: 'qbwc-user', password: 'secret', company, noOpDelayMs: 5 });
    open.push({ endpoint, wc });

    expect((await wc.runOnce()).outcome).toBe('completed');
    const start = endpoint.results[0];
    expect(start).toMatchObject({ statusCode: 0, iteratorRemainingCount: 6 });
    expect(start?.records).toHaveLength(4);

    endpoint.queue.push({ kind: 'CustomerQuery', requestId: 'next-run', input: { maxReturned: 4, iterator: { mode: 'Continue', iteratorId: start?.iteratorId as string } } });
    expect((await wc.runOnce()).outcome).toBe('completed');
    expect(endpoint.results[1]).toMatchObject({ requestId: 'next-run', statusCode: 3391, statusSeverity: 'Error', statusMessage: `The iteratorID "${start?.iteratorId}" is not valid.` });
  });
});
