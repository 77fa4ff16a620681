/**
 * Plain-text logs for the people running the service: one line per event,
 * `time level [component] message key=value ...`. Errors name what happened and what to do.
 */

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  if (configured === 'silent') return Infinity;
  return ORDER[configured as Level] ?? ORDER.info;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.stack ?? value.message);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s="]/.test(text) ? JSON.stringify(text) : text;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger whose lines are tagged with the component (gateway, natural-person, ...). */
export function createLogger(component: string): Logger {
  const write = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < threshold()) return;
    const extras = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(' ');
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${message}${extras ? ' ' + extras : ''}\n`;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
