import { deny, allow, rule, type IRules } from 'graphql-shield';
import { OrganizationSchema } from '../subgraphs/legal-person/entities/organization.entity';
import { PenaltySchema } from '../subgraphs/legal-person/entities/penalty.entity';
import { withoutPublicFields } from '../subgraphs/shared/server';
import { selectEntities, selectPlain } from '../subgraphs/shared/sql';
import { addOrganizations, addPeople } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * The subgraph machinery's shortcuts (issue 9) give what the long way gives: plain rows for
 * read-only pages hold exactly the values managed entities would, and the shield leaves unwrapped
 * only fields whose rule is `allow`.
 */

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
  const people = await addPeople(stack, 30);
  await addOrganizations(
    stack,
    people.map((p) => p.id),
    { districtCode: '510104', status: 'DEREGISTERED', industryCode: 'C1311' },
  );
  await addOrganizations(
    stack,
    people.map((p) => p.id),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('selectPlain', () => {
  it('reads every property of every row as em.map does, without managing the objects', async () => {
    const orm = stack.db['legal-person'].orm;
    const sql = 'select * from organization order by credit_code';
    const entities = await selectEntities(orm.em.fork(), OrganizationSchema, sql, []);
    const em = orm.em.fork();
    const plain = await selectPlain(em, OrganizationSchema, sql, []);
    expect(plain.length).toBeGreaterThanOrEqual(60);
    expect(plain).toHaveLength(entities.length);
    const properties = Object.keys(orm.getMetadata().get('Organization').properties);
    for (const [i, row] of plain.entries()) {
      expect(Object.keys(row).sort()).toEqual([...properties].sort());
      for (const property of properties) {
        const a = (entities[i] as Record<string, unknown>)[property];
        const b = (row as Record<string, unknown>)[property];
        if (a instanceof Date) expect((b as Date).getTime()).toBe(a.getTime());
        else expect({ property, value: b }).toEqual({ property, value: a });
      }
    }
    // Nothing entered the EntityManager.
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });

  it('refuses an entity with relations (its rows are not plain columns)', async () => {
    const orm = stack.db['legal-person'].orm;
    await expect(selectPlain(orm.em.fork(), PenaltySchema, 'select * from penalty', [])).rejects.toThrow(
      /not a plain column/,
    );
  });
});

describe('withoutPublicFields', () => {
  const guarded = rule()(() => true);
  const generated = {
    Query: { open: 'mw-open', guarded: 'mw-guarded', unlisted: 'mw-unlisted' },
    Thing: { a: 'mw-a', b: 'mw-b' },
    Other: { x: 'mw-x' },
    Wild: { p: 'mw-p', q: 'mw-q' },
  };

  it('drops the middleware of fields whose rule is allow, and of nothing else', () => {
    const rules = {
      Query: { open: allow, guarded },
      Thing: allow,
      Wild: { '*': allow, q: deny },
    } as unknown as IRules;
    expect(withoutPublicFields(generated as never, rules)).toEqual({
      // unlisted falls back to deny
      Query: { guarded: 'mw-guarded', unlisted: 'mw-unlisted' },
      // a type without rules falls back to deny
      Other: { x: 'mw-x' },
      Wild: { q: 'mw-q' },
    });
  });
});
