import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { scrubGraphqlLiterals, scrubSpan, scrubSql, stripQuery } from '../subgraphs/shared/telemetry/privacy';
import { serviceName, tracingConfigured } from '../subgraphs/shared/telemetry/tracing-config';

/** What the span cleaner takes out of every exported span, whatever instrumentation made it. */

describe('scrubSql', () => {
  it('replaces every literal MikroORM writes into its statements, and keeps placeholders and identifiers', () => {
    expect(
      scrubSql(
        `insert into "person" ("id", "id_number", "name", "phone", "birth_year") values ('9b1d…', '11010519491231002X', '王''芳', E'1380\\'0138000', 1949) returning "id"`,
      ),
    ).toBe(
      `insert into "person" ("id", "id_number", "name", "phone", "birth_year") values (?, ?, ?, ?, ?) returning "id"`,
    );
    expect(scrubSql('select * from person where id = any($1::uuid[]) and x1 = 2.5e3 limit $2')).toBe(
      'select * from person where id = any($1::uuid[]) and x1 = ? limit $2',
    );
    expect(scrubSql("do $$ begin raise 'x 510104198812176301'; end $$")).toBe('do ?');
    expect(scrubSql("select 'cut short 5101041988")).toBe('select ?');
  });
});

describe('scrubGraphqlLiterals and stripQuery', () => {
  it('removes inlined values from query text and query strings from URLs', () => {
    expect(
      scrubGraphqlLiterals('{ personByIdNumber(idNumber: "510104198812176301") { name } o(first: 5) { n } }'),
    ).toBe('{ personByIdNumber(idNumber: "*") { name } o(first: *) { n } }');
    expect(stripQuery('/graphql?query=%7B%20me%20%7D&variables=%7B%22n%22%3A1%7D')).toBe('/graphql?[redacted]');
    expect(stripQuery('/graphql')).toBe('/graphql');
  });
});

describe('scrubSpan', () => {
  it('cleans attributes, drops error texts and value-bearing attributes, and keeps the rest', () => {
    const span = {
      name: 'GET /graphql?query=x',
      kind: SpanKind.SERVER,
      attributes: {
        'http.target': '/graphql?query={personByIdNumber(idNumber:"510104198812176301")}',
        'url.query': 'query=…',
        'db.statement': "update person set phone = '13800138000' where id = $1",
        'graphql.variables.n': '510104198812176301',
        'http.request.header.x-purpose': ['MLA-2026-0193'],
        'gov.purpose.length': 13,
        'gov.request_id': 'abc',
      },
      events: [
        {
          name: 'exception',
          time: [0, 0],
          attributes: {
            'exception.type': 'DriverException',
            'exception.message': 'Key (id_number)=(510104198812176301) already exists',
            'exception.stacktrace': 'Error: Key (id_number)=(510104198812176301) already exists\n    at x',
          },
        },
      ],
      status: { code: SpanStatusCode.ERROR, message: 'Key (id_number)=(510104198812176301) already exists' },
      spanContext: () => ({ traceId: 't', spanId: 's', traceFlags: 1 }),
    } as unknown as ReadableSpan;
    const clean = scrubSpan(span);
    expect(clean.attributes).toEqual({
      'http.target': '/graphql?[redacted]',
      'db.statement': 'update person set phone = ? where id = $1',
      'gov.purpose.length': 13,
      'gov.request_id': 'abc',
    });
    expect(clean.events).toEqual([
      { name: 'exception', time: [0, 0], attributes: { 'exception.type': 'DriverException' } },
    ]);
    expect(clean.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(clean.name).toBe('GET /graphql?[redacted]');
    expect(clean.spanContext().traceId).toBe('t');
    expect(JSON.stringify({ ...clean, attributes: clean.attributes, events: clean.events })).not.toMatch(
      /510104198812176301|13800138000|MLA-2026/,
    );
  });
});

describe('tracing configuration', () => {
  it('is on only with an OTLP endpoint and without OTEL_SDK_DISABLED, and names services by their folder', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(serviceName({}, '/srv/gov-graph/subgraphs/natural-person/main.ts')).toBe('natural-person');
    expect(serviceName({}, '/srv/gov-graph/gateway/main.ts')).toBe('gateway');
    expect(serviceName({ OTEL_SERVICE_NAME: 'gw-2' }, '/srv/gov-graph/gateway/main.ts')).toBe('gw-2');
  });
});
