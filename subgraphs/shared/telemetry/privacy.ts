import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * What leaves this process in a span holds no personal data. The instrumentations are configured
 * not to record values (no GraphQL variables or literals, no SQL parameters, no headers), but some
 * text carries values anyway: MikroORM inlines the parameters of its own statements into the SQL
 * text, a GET request's URL holds its variables, and error messages quote bad input. So every
 * span is cleaned once more on its way out, whatever instrumentation made it.
 */

/**
 * SQL literals, in one pass so that a replacement is never read again: dollar-quoted strings,
 * E'' strings (backslash escapes), other strings ('' escapes, N'' and U&'' prefixes), a string cut
 * short, and numbers that stand alone (not in an identifier, not a $1 placeholder).
 */
const SQL_LITERAL =
  /\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$|\b[Ee]'(?:[^'\\]|\\[\s\S]|'')*'|(?:\b[Nn]|\b[Uu]&)?'(?:[^']|'')*'|'[\s\S]*$|(?<![\w$."])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w"])/g;

/** SQL with every literal replaced by `?`; placeholders ($1) and identifiers kept. */
export function scrubSql(sql: string): string {
  return sql.replace(SQL_LITERAL, '?');
}

/** GraphQL literals, in one pass: block strings, strings, a string cut short, numbers. */
const GRAPHQL_LITERAL =
  /"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|"[\s\S]*$|(?<![\w$])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?!\w)/g;

/** GraphQL text with every literal value replaced by `*` (string, block string, number). */
export function scrubGraphqlLiterals(text: string): string {
  return text.replace(GRAPHQL_LITERAL, (literal) => (literal.startsWith('"') ? '"*"' : '*'));
}

/** A URL or path without its query string, which may carry GraphQL variables. */
export function stripQuery(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : `${url.slice(0, at)}?[redacted]`;
}

const URL_KEYS = new Set(['http.url', 'http.target', 'url.full', 'url.original', 'http.route']);
const DROPPED_KEYS = new Set(['url.query']);
const SQL_KEYS = new Set(['db.statement', 'db.query.text']);
const GRAPHQL_KEYS = new Set(['graphql.source', 'graphql.document']);
/** Attribute names that could only ever hold values: dropped whatever instrumentation set them. */
const VALUE_KEY = /variables|password|authorization|cookie|x-purpose|purpose(?!\.length)|\.values?$/i;

type Attributes = ReadableSpan['attributes'];

export function scrubAttributes(attributes: Attributes): Attributes {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED_KEYS.has(key) || VALUE_KEY.test(key) || key.startsWith('http.request.header.')) continue;
    if (typeof value === 'string') {
      if (URL_KEYS.has(key)) clean[key] = stripQuery(value);
      else if (SQL_KEYS.has(key)) clean[key] = scrubSql(value);
      else if (GRAPHQL_KEYS.has(key)) clean[key] = scrubGraphqlLiterals(value);
      else clean[key] = value;
    } else {
      clean[key] = value;
    }
  }
  return clean as Attributes;
}

/** A copy of a span that is safe to export: attributes cleaned, error texts reduced to their type. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  const events = span.events.map((event) => {
    if (event.name !== 'exception')
      return { ...event, attributes: event.attributes && scrubAttributes(event.attributes) };
    // Error messages and stack traces quote the input that failed (an ID number, a name): keep the type only.
    const type = event.attributes?.['exception.type'];
    return { ...event, attributes: type === undefined ? {} : { 'exception.type': type } };
  });
  return Object.create(span, {
    attributes: { value: scrubAttributes(span.attributes), enumerable: true },
    events: { value: events, enumerable: true },
    status: { value: { code: span.status.code }, enumerable: true },
    name: { value: span.name.includes('?') ? stripQuery(span.name) : span.name, enumerable: true },
  }) as ReadableSpan;
}

/** Wraps an exporter so that every span it sends has been through `scrubSpan`. */
export class PrivacySpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.filter(servesARequest).map(scrubSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** GraphQL spans outside any request (schema parsing at start-up) would each be a trace of their own: not exported. */
function servesARequest(span: ReadableSpan): boolean {
  return (
    span.parentSpanContext !== undefined || span.instrumentationScope.name !== '@opentelemetry/instrumentation-graphql'
  );
}
