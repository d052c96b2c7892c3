// Answers of the control API: the result (or { ok: true }); 404 for what does not exist; 400 with the message,
// and Intuit's fault when a bookkeeper action broke one of QuickBooks' rules.
import type { FastifyReply } from 'fastify';
import { QboFault } from '../faults.js';
import { isObject } from '../json.js';
import { ControlError } from './errors.js';

export function body(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

export async function guarded(reply: FastifyReply, status: number, run: () => unknown): Promise<unknown> {
  try {
    const result = run();
    return reply.code(status).send(result ?? { ok: true });
  } catch (error) {
    if (error instanceof QboFault) return reply.code(400).send({ error: error.message, Fault: error.fault() });
    if (error instanceof ControlError) return reply.code(404).send({ error: error.message });
    if (error instanceof Error) return reply.code(400).send({ error: error.message });
    throw error;
  }
}
