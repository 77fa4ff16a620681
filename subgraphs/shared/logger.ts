import pino from 'pino';
import pretty from 'pino-pretty';
import { currentRequestScope, traceIds } from './telemetry/request-scope';

/**
 * Logs for the people running the service, with pino: JSON lines on stdout (when stdout is not a
 * terminal, or LOG_FORMAT=json), readable colour lines in a terminal. LOG_LEVEL is debug, info,
 * warn, error or silent. Call as `log.info({ requestId }, 'message')`; errors go under `err`.
 * Nothing personal is logged: request ids and registry names, never ID numbers, names or purposes.
 * Every line written while a request is served carries its `requestId` and, with tracing on, the
 * `traceId` and `spanId` of the span it belongs to, so a log line leads to its trace and back.
 */

export type Logger = pino.Logger;

const LEVELS = new Set(['debug', 'info', 'warn', 'error', 'silent']);

let root: Logger | undefined;

function rootLogger(): Logger {
  if (root) return root;
  const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  const level = LEVELS.has(configured) ? configured : 'info';
  const json = process.env.LOG_FORMAT === 'json' || (process.env.LOG_FORMAT !== 'pretty' && !process.stdout.isTTY);
  const options: pino.LoggerOptions = {
    level,
    // Belt and braces: these never belong in a log, whoever passes them.
    redact: {
      paths: ['authorization', 'headers.authorization', 'token', 'password', 'purpose', 'variables'],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
    mixin: requestIds,
  };
  root = json
    ? pino(options)
    : pino(
        options,
        pretty({
          sync: true,
          colorize: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
          singleLine: true,
        }),
      );
  return root;
}

/** A logger whose lines carry the component (gateway, natural-person, ...). */
export function createLogger(component: string): Logger {
  return rootLogger().child({ component });
}

/** The ids of the request and span being served, merged into every line (an explicit requestId wins). */
function requestIds(): Record<string, string> {
  const scope = currentRequestScope();
  const ids: Record<string, string> = traceIds() as Record<string, string>;
  if (scope) ids.requestId = scope.requestId;
  return ids;
}
