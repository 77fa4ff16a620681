import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, context, trace, type Span } from '@opentelemetry/api';
import { RPCType, getRPCMetadata } from '@opentelemetry/core';

/**
 * The request a piece of work belongs to, for every log line written while serving it (see the
 * logger's mixin) and for the trace's root span. Set once per request by the gateway and by each
 * subgraph server; everything the request awaits inherits it.
 */
export interface RequestScope {
  requestId: string;
}

/** What runInBackground's work carries in place of a request scope. */
const BACKGROUND = Object.freeze({ background: true });

/**
 * One store for both (the request, or the process's own work): on Node 20 every AsyncLocalStorage
 * in use copies its value onto every promise a request makes (about 2% of a subgraph's CPU on a
 * logged read, each store alike), and background work never belongs to a request.
 */
const storage = new AsyncLocalStorage<RequestScope | typeof BACKGROUND>();

/** Runs `fn` (and everything it starts) as part of request `requestId`. */
export function runInRequestScope<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The scope of the request being served, if any (mutable: a delegated call adopts its original request id). */
export function currentRequestScope(): RequestScope | undefined {
  const store = storage.getStore();
  return store === BACKGROUND ? undefined : (store as RequestScope | undefined);
}

/**
 * The span that stands for the whole incoming request in this process (the HTTP server span),
 * or undefined when tracing is off.
 */
export function requestSpan(): Span | undefined {
  const active = context.active();
  const span = trace.getSpan(active);
  if (!span) return undefined;
  return getRPCMetadata(active)?.span ?? span;
}

/**
 * Names the route the request was served by, so the HTTP server span reads `POST /graphql` (what
 * Express's instrumentation does for routes it serves; needed where a request bypasses Express).
 */
export function setRequestRoute(route: string): void {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type === RPCType.HTTP) metadata.route = route;
}

/** Sets attributes on the request's span (nothing when tracing is off). */
export function annotateRequestSpan(attributes: Record<string, string | number | boolean | undefined>): void {
  const span = requestSpan();
  if (!span?.isRecording()) return;
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) span.setAttribute(key, value);
}

/** Trace and span ids of the active span, for log lines (empty when tracing is off). */
export function traceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/**
 * Runs `fn` (and everything it starts) as work of the process, not of the request that happened to
 * trigger it: no request id on its log lines, no span in that request's trace (its SQL is not
 * traced), and not counted as that request's SQL statements.
 */
export function runInBackground<T>(fn: () => T): T {
  return storage.run(BACKGROUND, () => context.with(ROOT_CONTEXT, fn));
}

/** Whether the current work runs through `runInBackground`. */
export function inBackground(): boolean {
  return storage.getStore() === BACKGROUND;
}
