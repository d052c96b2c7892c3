import { afterEach, describe, expect, it } from 'vitest';
import { faultOf, manualClock, newCompany, startSandbox, type Harness } from './helpers.js';

describe('throttling', () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it('answers 429 ThrottleExceeded (3001) to the 11th call in one second, per realm', async () => {
    const clock = manualClock();
    harness = await startSandbox({ now: clock.now, limits: { perSecond: 10, perMinute: 500, batchPerMinute: 40 } });
    const api = await newCompany(harness);
    const other = await newCompany(harness);
    const replies = await Promise.all(Array.from({ length: 11 }, () => api.call('GET', `/companyinfo/${api.realmId}`)));
    expect(replies.map((r) => r.status).filter((s) => s === 200)).toHaveLength(10);
    const throttled = replies.find((r) => r.status === 429);
    expect(throttled && faultOf(throttled)).toMatchObject({ code: '3001', Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429' });
    expect(throttled?.headers.get('retry-after')).toBeNull();
    expect((await other.call('GET', `/companyinfo/${other.realmId}`)).status).toBe(200);
    clock.advance(1001);
    expect((await api.call('GET', `/companyinfo/${api.realmId}`)).status).toBe(200);
    expect(harness.sandbox.companies.get(api.realmId)?.stats.throttled).toBe(1);
  });

  it('answers 429 to the 501st call in a sliding minute', async () => {
    const clock = manualClock();
    harness = await startSandbox({ now: clock.now, limits: { perSecond: 10, perMinute: 500, batchPerMinute: 40 } });
    const api = await newCompany(harness);
    for (let i = 0; i < 500; i += 1) {
      const reply = await api.call('GET', `/companyinfo/${api.realmId}`);
      expect(reply.status).toBe(200);
      clock.advance(110);
    }
    const over = await api.call('GET', `/companyinfo/${api.realmId}`);
    expect(over.status).toBe(429);
    expect(faultOf(over).code).toBe('3001');
    clock.advance(60_000 - 500 * 110 + 200);
    expect((await api.call('GET', `/companyinfo/${api.realmId}`)).status).toBe(200);
  });

  it('counts a batch once against the request windows and caps batches at 40 a minute', async () => {
    const clock = manualClock();
    harness = await startSandbox({ now: clock.now, limits: { perSecond: 10, perMinute: 500, batchPerMinute: 40 } });
    const api = await newCompany(harness);
    const batch = { BatchItemRequest: Array.from({ length: 30 }, (_, i) => ({ bId: `q${i}`, Query: 'select count(*) from Customer' })) };
    for (let i = 0; i < 40; i += 1) {
      expect((await api.call('POST', '/batch', batch)).status).toBe(200);
      clock.advance(200);
    }
    expect((await api.call('POST', '/batch', batch)).status).toBe(429);
    expect((await api.call('GET', `/companyinfo/${api.realmId}`)).status).toBe(200);
    expect(harness.sandbox.companies.get(api.realmId)?.stats.requests).toBe(41);
  });
});
