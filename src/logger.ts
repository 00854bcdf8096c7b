import type { Config } from './config.js';

export interface Logger {
  error(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  debug(message: string, extra?: unknown): void;
}

const levels = ['error', 'warn', 'info', 'debug'] as const;

/** A small leveled logger on stderr/stdout; tests pass level 'error' to keep output clean. */
export function createLogger(level: Config['LOG_LEVEL']): Logger {
  const max = levels.indexOf(level);
  const write = (at: (typeof levels)[number]) => (message: string, extra?: unknown) => {
    if (levels.indexOf(at) > max) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase()} ${message}`;
    const out = at === 'error' || at === 'warn' ? console.error : console.log;
    if (extra === undefined) out(line);
    else out(line, extra);
  };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
