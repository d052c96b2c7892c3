// The path of every accounting call: token → throttles → statistics → minorversion → injected failure →
// requestid replay → the operation → commit-then-fail. Handlers run synchronously, so each call is atomic.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Company } from '../company/company.js';
import type { WriteContext } from '../entities/common.js';
import { failureBody, type CallInfo } from '../fault-injection.js';
import { fault, gatewayFaultBody, QboFault } from '../faults.js';
import type { JsonObject } from '../json.js';
import type { SandboxState } from '../state.js';
import { intuitTime } from '../time.js';
import { bearerToken, queryParam, sendJson } from './http.js';

export const SERVED_MINOR_VERSION = 75;
const MAX_REQUEST_ID = 50;

export interface ApiCall extends CallInfo {
  /** Statistics key, e.g. `POST invoice?operation=delete`. */
  endpoint: string;
  /** Writes this call makes if it succeeds (a batch counts its write items). */
  writes: number;
  /** Returns the entity/query payload; the pipeline adds `time`. */
  execute(ctx: WriteContext): JsonObject;
}

function minorVersion(request: FastifyRequest, company: Company): void {
  const requested = queryParam(request, 'minorversion') ?? null;
  if (requested !== null && !/^\d+$/.test(requested)) throw fault.invalidProperty('minorversion', `minorversion with value "${requested}"`);
  // Versions below 75 are retired: Intuit serves them as 75. The sandbox knows nothing newer than 75.
  company.stats.lastMinorVersion = { requested, served: SERVED_MINOR_VERSION };
}

function requestIdOf(request: FastifyRequest): string | undefined {
  const id = queryParam(request, 'requestid');
  if (id !== undefined && (id.length === 0 || id.length > MAX_REQUEST_ID)) {
    throw fault.invalidProperty('requestid', `requestid with length ${id.length} (1 to ${MAX_REQUEST_ID} characters)`);
  }
  return id;
}

export async function runApiCall(state: SandboxState, request: FastifyRequest, reply: FastifyReply, call: ApiCall): Promise<void> {
  const now = state.clock.now();
  const access = state.oauth.checkAccess(bearerToken(request));
  if (!access.ok) {
    await sendJson(reply, 401, gatewayFaultBody(401, access.detail, now), { 'www-authenticate': 'Bearer realm="Intuit", error="invalid_token"' });
    return;
  }
  const company = state.companies.get(call.realmId);
  if (access.realmId !== call.realmId || !company) {
    await sendJson(reply, 403, gatewayFaultBody(403, null, now));
    return;
  }
  if (!state.limiter.admit(call.realmId, call.operation === 'batch')) {
    company.stats.throttled += 1;
    await sendJson(reply, 429, fault.throttled().body(now));
    return;
  }
  const stats = company.stats;
  stats.requests += 1;
  stats.byEndpoint[call.endpoint] = (stats.byEndpoint[call.endpoint] ?? 0) + 1;

  let requestId: string | undefined;
  try {
    minorVersion(request, company);
    requestId = requestIdOf(request);
  } catch (error) {
    await sendJson(reply, 400, (error as QboFault).body(now));
    return;
  }
  const injected = state.faults.takeFailure(call);
  if (injected) {
    stats.injectedFaults += 1;
    await sendJson(reply, injected.status, failureBody(injected, now));
    return;
  }
  const stored = requestId === undefined ? undefined : company.storedResponse(requestId);
  if (stored) {
    stats.replays += 1;
    await sendJson(reply, stored.status, stored.body);
    return;
  }

  let status = 200;
  let body: JsonObject;
  try {
    body = { ...call.execute({ company, now }), time: intuitTime(now) };
    stats.writes += call.writes;
  } catch (error) {
    const known = error instanceof QboFault ? error : fault.system();
    if (!(error instanceof QboFault)) request.log.error({ err: error }, 'sandbox operation failed');
    status = known.status;
    body = known.body(now);
  }
  const text = JSON.stringify(body);
  if (requestId !== undefined && status < 500) company.storeResponse(requestId, { status, body: text });

  if (status === 200 && call.writes > 0) {
    const commitFailure = state.faults.takeCommitFailure(call);
    if (commitFailure) {
      stats.injectedFaults += 1;
      if (commitFailure.respond === 'drop') {
        // The write is stored; the client sees the connection close with no response at all.
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
      await sendJson(reply, 500, fault.system().body(now));
      return;
    }
  }
  await sendJson(reply, status, text);
}
