// Armed failures: fail the next N matching calls before they touch data, or let the next matching write
// commit and then fail it (HTTP 500, or a socket closed without any response).
import { randomUUID } from 'node:crypto';
import { fault, gatewayFaultBody, QboFault } from './faults.js';
import type { JsonObject } from './json.js';

/** Which calls a fault applies to; absent fields match anything. */
export interface CallMatch {
  realmId?: string;
  method?: string;
  /** URL entity in lower case (`invoice`, `customer`), or `query` / `batch` / `cdc`. */
  entity?: string;
  operation?: 'create' | 'read' | 'update' | 'delete' | 'void' | 'send' | 'query' | 'batch' | 'cdc';
}

export interface FailureSpec extends CallMatch {
  /** How many matching calls fail (default 1). */
  count?: number;
  status: number;
  code?: string;
  message?: string;
  detail?: string;
  type?: string;
  element?: string;
}

export interface CommitFailureSpec extends CallMatch {
  count?: number;
  respond: 500 | 'drop';
}

export interface CallInfo {
  realmId: string;
  method: string;
  entity: string;
  operation: string;
}

interface Armed<T> {
  id: string;
  kind: 'fail' | 'commit-then-fail';
  spec: T;
  remaining: number;
}

function matches(spec: CallMatch, call: CallInfo): boolean {
  return (
    (spec.realmId === undefined || spec.realmId === call.realmId) &&
    (spec.method === undefined || spec.method.toUpperCase() === call.method) &&
    (spec.entity === undefined || spec.entity.toLowerCase() === call.entity) &&
    (spec.operation === undefined || spec.operation === call.operation)
  );
}

function take<T extends CallMatch>(list: Armed<T>[], call: CallInfo): T | undefined {
  const armed = list.find((a) => matches(a.spec, call));
  if (!armed) return undefined;
  armed.remaining -= 1;
  if (armed.remaining <= 0) list.splice(list.indexOf(armed), 1);
  return armed.spec;
}

/** The body Intuit would send with that status, unless the spec spells out its own error. */
export function failureBody(spec: FailureSpec, now: number): JsonObject {
  if (spec.code === undefined && spec.message === undefined && spec.detail === undefined) {
    if (spec.status === 401 || spec.status === 403) return gatewayFaultBody(spec.status, spec.status === 401 ? 'Token expired' : null, now);
    if (spec.status === 429) return fault.throttled().body(now);
    if (spec.status >= 500) return fault.system().body(now);
  }
  const type = spec.type ?? (spec.status === 429 ? 'SERVICE' : spec.status >= 500 ? 'SystemFault' : 'ValidationFault');
  return new QboFault(spec.status, type, [
    { Message: spec.message ?? 'A business validation error has occurred while processing your request', Detail: spec.detail ?? 'Business Validation Error: injected by the sandbox', code: spec.code ?? '6000', element: spec.element ?? '' },
  ]).body(now);
}

export class FaultInjector {
  private failures: Armed<FailureSpec>[] = [];
  private commitFailures: Armed<CommitFailureSpec>[] = [];

  failNext(spec: FailureSpec): string {
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) throw new Error('status must be an HTTP error status (400-599)');
    const armed = { id: randomUUID(), kind: 'fail' as const, spec, remaining: spec.count ?? 1 };
    this.failures.push(armed);
    return armed.id;
  }

  commitThenFail(spec: CommitFailureSpec): string {
    if (spec.respond !== 500 && spec.respond !== 'drop') throw new Error("respond must be 500 or 'drop'");
    const armed = { id: randomUUID(), kind: 'commit-then-fail' as const, spec, remaining: spec.count ?? 1 };
    this.commitFailures.push(armed);
    return armed.id;
  }

  takeFailure(call: CallInfo): FailureSpec | undefined {
    return take(this.failures, call);
  }

  takeCommitFailure(call: CallInfo): CommitFailureSpec | undefined {
    return take(this.commitFailures, call);
  }

  list(): Array<{ id: string; kind: string; remaining: number; spec: FailureSpec | CommitFailureSpec }> {
    return [...this.failures, ...this.commitFailures].map(({ id, kind, remaining, spec }) => ({ id, kind, remaining, spec }));
  }

  /** Disarms one fault by id, or all of them. */
  clear(id?: string): void {
    if (id === undefined) {
      this.failures = [];
      this.commitFailures = [];
      return;
    }
    this.failures = this.failures.filter((a) => a.id !== id);
    this.commitFailures = this.commitFailures.filter((a) => a.id !== id);
  }
}
