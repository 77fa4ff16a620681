/**
 * Preloaded into every service process before anything else (the launcher starts each one with
 * `node --import tsx --import ./subgraphs/shared/telemetry/register.ts <main>`), so that the
 * instrumentations patch http, express, graphql, pg and undici before any of them is loaded.
 *
 * Tracing is on only when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set
 * and OTEL_SDK_DISABLED is not `true`; otherwise this file loads nothing else, so tracing off costs
 * nothing (no SDK, no instrumentation, no context manager).
 */
import type { startTracing } from './tracing';
import { tracingConfigured } from './tracing-config';

if (tracingConfigured()) {
  // Loaded only when wanted (the SDK and the instrumentations are heavy), and synchronously, so
  // that tracing is running before the service's own modules load.
  const tracing = require('./tracing') as { startTracing: typeof startTracing };
  tracing.startTracing();
}
