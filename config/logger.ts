// pino everywhere: pretty on a terminal, JSON otherwise. The Temporal runtime's own logs go through it too.
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string, name: string): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    name,
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } } : {}),
  });
}

let installed = false;

/** Forwards Temporal's runtime logs into pino; the runtime is per process, so only the first call counts. */
export function installTemporalLogging(logger: Logger): void {
  if (installed) return;
  installed = true;
  const levels: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
    TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error',
  };
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      logger[levels[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
