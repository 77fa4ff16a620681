import { basename, dirname } from 'node:path';

/** Whether this process should export traces (an OTLP endpoint is configured and the SDK is not disabled). */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * The service name for traces: OTEL_SERVICE_NAME, or the name of the folder of the entry point
 * (gateway/main.ts is `gateway`, subgraphs/natural-person/main.ts is `natural-person`).
 */
export function serviceName(env: NodeJS.ProcessEnv = process.env, entry = process.argv[1] ?? ''): string {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const folder = basename(dirname(entry));
  return folder && folder !== '.' ? folder : basename(entry).replace(/\.[cm]?[jt]s$/, '') || 'gov-graph';
}
