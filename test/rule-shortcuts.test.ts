import type { GraphQLResolveInfo } from 'graphql';
import { and, or, rule } from 'graphql-shield';
import { allOf, firstOf, type ShieldRule } from '../subgraphs/shared/rules';

/**
 * firstOf and allOf answer exactly as shield's `or` and `and` do (issue 9: they skip shield's
 * promises for rules that answer at once): for every combination of rules that grant, refuse
 * plainly, refuse with an error or a message, throw, or answer later, the same verdict, and the
 * same rules run.
 */

type Kind = 'true' | 'false' | 'error' | 'message' | 'throws' | 'async-true' | 'async-false' | 'async-error';
const KINDS: Kind[] = ['true', 'false', 'error', 'message', 'throws', 'async-true', 'async-false', 'async-error'];

function make(kind: Kind, name: string, ran: string[]): ShieldRule {
  return rule({ cache: 'no_cache' })(() => {
    ran.push(name);
    switch (kind) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'error':
        return new Error(`${name} refused`);
      case 'message':
        return `${name} says no`;
      case 'throws':
        throw new Error(`${name} broke`);
      case 'async-true':
        return Promise.resolve(true);
      case 'async-false':
        return Promise.resolve(false);
      case 'async-error':
        return Promise.resolve(new Error(`${name} refused later`));
    }
  });
}

const info = {} as GraphQLResolveInfo;
const options = { debug: false } as Parameters<ShieldRule['resolve']>[4];

async function verdict(logic: ShieldRule): Promise<unknown> {
  const result = await logic.resolve({}, {}, { _shield: { cache: {} } }, info, options);
  return result instanceof Error ? `Error: ${result.message}` : result;
}

const triples: Kind[][] = [];
for (const a of KINDS) for (const b of KINDS) for (const c of KINDS) triples.push([a, b, c]);

it('allOf gives what and gives, running the same rules, for every combination of three rules', async () => {
  for (const kinds of triples) {
    const ranShield: string[] = [];
    const ranOurs: string[] = [];
    const expected = await verdict(and(...kinds.map((k, i) => make(k, `r${i}`, ranShield))));
    const actual = await verdict(allOf(...kinds.map((k, i) => make(k, `r${i}`, ranOurs))));
    expect({ kinds, verdict: actual }).toEqual({ kinds, verdict: expected });
    expect({ kinds, ran: ranOurs }).toEqual({ kinds, ran: ranShield });
  }
});

it('firstOf gives what or gives for every combination of three rules, stopping at the first that grants', async () => {
  for (const kinds of triples) {
    const ranOurs: string[] = [];
    const expected = await verdict(or(...kinds.map((k, i) => make(k, `r${i}`, []))));
    const actual = await verdict(firstOf(...kinds.map((k, i) => make(k, `r${i}`, ranOurs))));
    expect({ kinds, verdict: actual }).toEqual({ kinds, verdict: expected });
    const granting = kinds.findIndex((k) => k === 'true' || k === 'async-true');
    expect({ kinds, ran: ranOurs }).toEqual({
      kinds,
      ran: kinds.slice(0, granting === -1 ? kinds.length : granting + 1).map((_k, i) => `r${i}`),
    });
  }
});

it('nests: firstOf(allOf(...), ...) as or(and(...), ...)', async () => {
  for (const [a, b, c] of triples) {
    const expected = await verdict(or(and(make(a, 'a', []), make(b, 'b', [])), make(c, 'c', [])));
    const actual = await verdict(firstOf(allOf(make(a, 'a', []), make(b, 'b', [])), make(c, 'c', [])));
    expect({ kinds: [a, b, c], verdict: actual }).toEqual({ kinds: [a, b, c], verdict: expected });
  }
});
