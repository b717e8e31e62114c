import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; `LOG_LEVEL` sets the level (tests default to `error`: their faults are deliberate). */
export function createLogger(name: string, bindings: Record<string, unknown> = {}): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'error' : 'info');
  return pino({ name, level, base: { pid: process.pid, ...bindings } });
}
