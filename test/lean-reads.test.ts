import { deny, allow, rule, type IRules } from 'graphql-shield';
import { OrganizationSchema } from '../subgraphs/legal-person/entities/organization.entity';
import { PenaltySchema } from '../subgraphs/legal-person/entities/penalty.entity';
import { HouseholdMemberSchema, RELATIONSHIPS } from '../subgraphs/natural-person/entities/household-member.entity';
import { PersonSchema } from '../subgraphs/natural-person/entities/person.entity';
import { HouseholdRepository } from '../subgraphs/natural-person/entities/person.repository';
import { withoutPublicFields } from '../subgraphs/shared/server';
import { rawQuery, selectEntities, selectPlain } from '../subgraphs/shared/sql';
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

  it('reads a many-to-one reference as an object holding only the key, which em.map’s reference has', async () => {
    const orm = stack.db['natural-person'].orm;
    const sql = 'select * from household_member order by id limit 50';
    const entities = await selectEntities(orm.em.fork(), HouseholdMemberSchema, sql, []);
    const em = orm.em.fork();
    const plain = await selectPlain(em, HouseholdMemberSchema, sql, []);
    expect(plain.length).toBeGreaterThanOrEqual(30);
    expect(plain).toHaveLength(entities.length);
    for (const [i, row] of plain.entries()) {
      expect(row.person).toEqual({ id: entities[i].person.id });
      expect(row.household).toEqual({ id: entities[i].household.id });
      expect([row.id, row.relationship]).toEqual([entities[i].id, entities[i].relationship]);
      expect(row.createdAt.getTime()).toBe(entities[i].createdAt.getTime());
    }
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    // And in legal-person: a penalty's organization.
    const lp = stack.db['legal-person'].orm;
    await stack.sql(
      'legal-person',
      `insert into penalty (id, created_at, updated_at, organization_id, decision_number, decided_on, reason, amount, authority)
       select gen_random_uuid(), now(), now(), id, 'LEAN-' || credit_code, '2026-01-01', 'test', 100, 'test'
       from organization order by credit_code limit 3`,
    );
    const penalties = await selectPlain(lp.em.fork(), PenaltySchema, 'select * from penalty order by id', []);
    const managed = await selectEntities(lp.em.fork(), PenaltySchema, 'select * from penalty order by id', []);
    expect(penalties.length).toBeGreaterThan(0);
    expect(penalties.map((p) => p.organization)).toEqual(managed.map((p) => ({ id: p.organization.id })));
  });
});

describe('rawQuery', () => {
  it('sends a plain statement as knex.raw does: same rows, statement counted, errors worded alike', async () => {
    const { orm, statements } = stack.db['legal-person'];
    const sql =
      'select credit_code, ? :: int as n, ?::text[] as list from organization where credit_code > ? order by credit_code limit 2';
    const bindings = [7, ['a', 'b'], ''];
    const viaKnex = (await orm.em.getKnex().raw(sql, bindings as never)).rows;
    const measured = await statements.measure(() => rawQuery(orm.em.fork(), sql, bindings));
    expect(measured.result).toEqual(viaKnex);
    expect(measured.statements).toEqual([sql.replace('?', '$1').replace('?', '$2').replace('?', '$3')]);
    // What knex refuses or compiles itself still goes to knex: the same errors.
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (const [text, values] of [
      ['select ? as a', [undefined]],
      ['select ? as a, ? as b', [1]],
      ['select ?? from organization limit 1', ['credit_code']],
      ['select * from no_such_table where id = ?', [1]],
    ] as [string, unknown[]][]) {
      const expected = await refusal(() => orm.em.getKnex().raw(text, values as never));
      expect(await refusal(() => rawQuery(orm.em.fork(), text, values))).toBe(expected);
    }
    expect(await rawQuery(orm.em.fork(), 'select ?? as a from organization limit 1', ['credit_code'])).toHaveLength(1);
  });

  it('sends a statement marked prepared under one name per text, with the same rows, in a transaction too', async () => {
    const { orm } = stack.db['legal-person'];
    const knex = orm.em.getKnex();
    const sent: { sql: string; name?: string }[] = [];
    const listen = (query: { sql: string; options?: { name?: string } }) =>
      sent.push({ sql: query.sql, name: query.options?.name });
    const sql = 'select credit_code from organization where credit_code > ?::bpchar order by credit_code limit 3';
    const other = 'select credit_code from organization where credit_code < ?::bpchar order by credit_code limit 3';
    knex.on('query', listen);
    try {
      const plain = await rawQuery(orm.em.fork(), sql, ['']);
      expect(await rawQuery(orm.em.fork(), sql, [''], { prepared: true })).toEqual(plain);
      expect(await rawQuery(orm.em.fork(), sql, [''], { prepared: true })).toEqual(plain);
      await rawQuery(orm.em.fork(), other, ['Z'], { prepared: true });
      await orm.em.fork().transactional(async (tx) => {
        expect(await rawQuery(tx, sql, [''], { prepared: true })).toEqual(plain);
        // The server holds it under that name, in this connection.
        const held = await rawQuery<{ name: string; statement: string }>(
          tx,
          'select name, statement from pg_prepared_statements where name = ?',
          [sent.find((q) => q.name)?.name],
        );
        expect(held).toEqual([{ name: expect.stringMatching(/^gg_/), statement: sql.replace('?', '$1') }]);
      });
    } finally {
      knex.off('query', listen);
    }
    const ours = [sql, other].map((text) => text.replace('?', '$1'));
    const [unnamed, first, again, second, inTransaction] = sent.filter((q) => ours.includes(q.sql)).map((q) => q.name);
    expect(unnamed).toBeUndefined();
    expect(first).toMatch(/^gg_\d+$/);
    expect(again).toBe(first);
    expect(second).toMatch(/^gg_\d+$/);
    expect(second).not.toBe(first);
    expect(inTransaction).toBe(first);
  });

  it('refuses select * as a named statement, so a column added while the registry runs breaks no lookup', async () => {
    const { orm } = stack.db['legal-person'];
    await expect(rawQuery(orm.em.fork(), 'select * from organization limit 1', [], { prepared: true })).rejects.toThrow(
      /must list its columns/,
    );
    await expect(
      rawQuery(orm.em.fork(), 'select o.*, 1 as one from organization o limit 1', [], { prepared: true }),
    ).rejects.toThrow(/must list its columns/);
    // count(*) is not a select list of every column.
    expect(
      await rawQuery(orm.em.fork(), 'select count(*)::int as n from organization where status = ?', ['ACTIVE'], {
        prepared: true,
      }),
    ).toEqual([{ n: expect.any(Number) }]);

    // The named lookups, prepared in the pool's connections, then a migration adds a column.
    const [{ credit_code: code }] = await stack.sql('legal-person', 'select credit_code from organization limit 1');
    const ORGANIZATION = 'query Org($c: String!) { organization(creditCode: $c) { creditCode name status } }';
    const ask = () => stack.graphql(ORGANIZATION, { variables: { c: code } });
    const before = await Promise.all(Array.from({ length: 8 }, ask));
    await stack.sql('legal-person', 'alter table organization add column added_while_running int');
    try {
      const after = await Promise.all(Array.from({ length: 8 }, ask));
      for (const res of [...before, ...after]) {
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.organization.creditCode).toBe(code);
      }
    } finally {
      await stack.sql('legal-person', 'alter table organization drop column added_while_running');
    }
  });

  it('runs inside the EntityManager’s transaction when it has one', async () => {
    const em = stack.db['legal-person'].orm.em.fork();
    await em.transactional(async (tx) => {
      const [inside] = await rawQuery<{ id: string }>(tx, 'select txid_current()::text as id', []);
      const [again] = await rawQuery<{ id: string }>(tx, 'select txid_current()::text as id where ? = 1', [1]);
      expect(again.id).toBe(inside.id);
    });
  });
});

describe('members with their persons in one statement', () => {
  it('gives each member and person as the managed entities hold them, in the members’ order', async () => {
    const orm = stack.db['natural-person'].orm;
    const households = await stack.sql<{ household_id: string }>(
      'natural-person',
      'select distinct household_id from household_member limit 10',
    );
    const ids = households.map((h) => h.household_id);
    const joined = await new HouseholdRepository(orm.em.fork(), { readOnly: true }).membersWithPersonsOf(ids);
    const em = orm.em.fork();
    const members = await selectEntities(
      em,
      HouseholdMemberSchema,
      `select * from household_member where household_id = any(?::uuid[])
       order by household_id, array_position(?::text[], relationship), created_at, id`,
      [ids, RELATIONSHIPS],
    );
    expect(joined.map((row) => row.member.id)).toEqual(members.map((m) => m.id));
    const persons = await selectEntities(em, PersonSchema, 'select * from person where id = any(?::uuid[])', [
      members.map((m) => m.person.id),
    ]);
    const personProperties = Object.keys(orm.getMetadata().get('Person').properties);
    for (const { member, person } of joined) {
      expect(member.person).toEqual({ id: person.id });
      const managed = persons.find((p) => p.id === person.id)! as unknown as Record<string, unknown>;
      expect(Object.keys(person).sort()).toEqual([...personProperties].sort());
      for (const property of personProperties) {
        const a = managed[property];
        const b = (person as unknown as Record<string, unknown>)[property];
        if (a instanceof Date) expect((b as Date).getTime()).toBe(a.getTime());
        else expect({ property, value: b }).toEqual({ property, value: a });
      }
    }
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
