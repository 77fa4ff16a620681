import type { Operation } from '../operations';
import type { CallerSample, Contender, HttpRequest } from './contenders';

/**
 * Before anything is timed: every contender must answer every operation exactly as the product's
 * gateway does (same status, same data, no errors), and the floor with the very same bytes. A
 * difference stops the bench with where it is.
 */

export interface HttpAnswer {
  status: number;
  text: string;
}

export async function send(url: string, request: HttpRequest): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

export class CheckError extends Error {}

/** Replaces the values of volatile properties anywhere in a JSON value. */
export function masked(value: unknown, volatile: readonly string[]): unknown {
  if (volatile.length === 0) return value;
  if (Array.isArray(value)) return value.map((item) => masked(item, volatile));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, volatile.includes(key) ? '<varies>' : masked(item, volatile)]),
    );
  }
  return value;
}

/** Where two JSON values differ: up to `limit` lines of "path: expected … got …". */
export function differences(expected: unknown, actual: unknown, path = '', limit = 8): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push(`${at || '(root)'}: ${a.length} items expected, ${b.length} got`);
      for (let i = 0; i < Math.min(a.length, b.length); i += 1) walk(a[i], b[i], `${at}[${i}]`);
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        const next = at ? `${at}.${key}` : key;
        if (!(key in a)) out.push(`${next}: not expected, got ${show((b as Record<string, unknown>)[key])}`);
        else if (!(key in b)) out.push(`${next}: missing (expected ${show((a as Record<string, unknown>)[key])})`);
        else walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], next);
        if (out.length >= limit) return;
      }
      return;
    }
    if (!Object.is(a, b)) out.push(`${at || '(root)'}: expected ${show(a)}, got ${show(b)}`);
  };
  walk(expected, actual, path);
  return out;
}

/** Where two texts first differ, with a little around it (escaped, so whitespace shows). */
export function firstByteDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i += 1;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 40), i + 40));
  return `at character ${i} of ${expected.length} (gateway) / ${actual.length} (floor): gateway ${around(expected)}, floor ${around(actual)}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function parse(answer: HttpAnswer, who: string, op: Operation): { data?: unknown; errors?: unknown } {
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new CheckError(
      `${op.id}: ${who} answered HTTP ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 300)}`,
    );
  }
}

/**
 * Checks one drawn request of one operation on every contender against the gateway's answer.
 * `gateway` must be the product's gateway; `others` every other contender the operation applies to.
 */
export async function checkSample(
  op: Operation,
  caller: CallerSample,
  gateway: Contender,
  others: Contender[],
): Promise<void> {
  for (let i = 0; i < (op.primeCheck ?? 0); i += 1) {
    await send(gateway.url(op), await gateway.request(op, caller));
  }
  const reference = await send(gateway.url(op), await gateway.request(op, caller));
  const expected = parse(reference, 'the gateway', op);
  const variables = JSON.stringify(caller.sample.variables);
  if (reference.status !== 200 || expected.errors || !expected.data) {
    throw new CheckError(
      `${op.id}: the gateway itself does not answer it correctly (variables ${variables}): HTTP ${reference.status} ` +
        `${reference.text.slice(0, 600)}\nFix the operation in bench/operations.ts or the stack before measuring.`,
    );
  }
  const problem = op.expect?.(expected.data, caller.sample);
  if (problem) {
    throw new CheckError(
      `${op.id}: the gateway's answer (variables ${variables}) is not what the operation is meant to measure: ${problem}.\n` +
        `${reference.text.slice(0, 600)}`,
    );
  }
  for (const contender of others) {
    const answer = await send(contender.url(op), await contender.request(op, caller));
    const who = contender.title(op);
    const found: string[] = [];
    if (answer.status !== reference.status)
      found.push(`HTTP status: expected ${reference.status}, got ${answer.status}`);
    const got = parse(answer, who, op);
    found.push(...differences(masked(expected, op.volatile ?? []), masked(got, op.volatile ?? [])));
    if (found.length === 0 && contender.id === 'floor' && answer.text !== reference.text) {
      found.push(`the same JSON but not the same bytes: ${firstByteDifference(reference.text, answer.text)}`);
    }
    if (found.length > 0) {
      throw new CheckError(
        `${op.id}: ${who} does not answer as the gateway does (variables ${variables}):\n` +
          found.map((line) => `  - ${line}`).join('\n'),
      );
    }
  }
}

/**
 * Sends different requests of one operation to a contender all at once and checks each answer is
 * the one its own caller asked for: a contender that shared one caller's subgraph fetch with
 * another (a citizen's `me` looks the same for every citizen until the identity is considered)
 * would answer someone with another person's data, and be measured doing less work.
 */
export async function checkConcurrent(op: Operation, callers: CallerSample[], contender: Contender): Promise<void> {
  const answers = await Promise.all(
    callers.map(async (caller) => ({
      caller,
      answer: await send(contender.url(op), await contender.request(op, caller)),
    })),
  );
  for (const { caller, answer } of answers) {
    const body = parse(answer, contender.title(op), op);
    const problem =
      answer.status !== 200 || body.errors || !body.data
        ? `HTTP ${answer.status} ${answer.text.slice(0, 300)}`
        : op.expect?.(body.data, caller.sample);
    if (problem) {
      throw new CheckError(
        `${op.id}: ${contender.title(op)} answers ${callers.length} concurrent requests wrongly ` +
          `(variables ${JSON.stringify(caller.sample.variables)}${caller.sample.citizen ? `, citizen ${caller.sample.citizen}` : ''}): ${problem}`,
      );
    }
  }
}
