import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { beforeExit } from './lifecycle';
import { PrivacySpanExporter, scrubSql } from './privacy';
import { serviceName } from './tracing-config';

/** Paths that are polled, not served to users: no trace for them. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

/**
 * Starts the OpenTelemetry Node SDK with the instrumentations this stack runs on: HTTP (server
 * spans, W3C trace context in and out), Express, GraphQL (parse, validate, execute; no resolver
 * spans, no values), pg (one span per SQL statement, literals removed) and undici (Node's fetch:
 * the gateway's subgraph fetches and registries' delegated calls carry `traceparent`). Spans are
 * batched and exported over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, protobuf by default or JSON
 * with OTEL_EXPORTER_OTLP_PROTOCOL=http/json, each one cleaned of values first (privacy.ts).
 * Sampling follows OTEL_TRACES_SAMPLER (default: every trace).
 */
export function startTracing(): NodeSDK {
  // Traces only: metrics are Prometheus (/metrics), logs are pino on stdout.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const name = serviceName();
  const sdk = new NodeSDK({
    serviceName: name,
    resource: resourceFromAttributes({ 'service.namespace': 'gov-graph' }),
    spanProcessors: [new BatchSpanProcessor(new PrivacySpanExporter(otlpExporter()))],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
        // Node's fetch is traced by the undici instrumentation; http.request is not used for it.
      }),
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({
        requireParentSpan: true,
        enhancedDatabaseReporting: false,
        // MikroORM writes the values of its own statements into the SQL text: take them out.
        requestHook: (span, info) => span.setAttribute('db.statement', scrubSql(info.query.text)),
      }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
    ],
  });
  sdk.start();
  beforeExit(() => sdk.shutdown());
  return sdk;
}

function otlpExporter(): SpanExporter {
  const protocol = process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
  if (protocol === undefined || protocol === 'http/protobuf') return new OtlpProtoExporter();
  if (protocol === 'http/json') return new OtlpJsonExporter();
  throw new Error(
    `OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported here; use http/protobuf (the default) or http/json`,
  );
}
