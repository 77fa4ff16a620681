import { makeIdNumber } from '../subgraphs/shared/domain/id-number';
import { addHousehold, addPerson, type HouseholdFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/** The natural-person registry through the gateway: lookups, households, registration, contact updates. */

let stack: TestStack;
let family: HouseholdFixture;
let registrar: string;
let reader: string;

const REGISTER = `
  mutation Register($input: RegisterPersonInput!) {
    registerPerson(input: $input) { id name gender birthDate birthYear districtCode household { number members { relationship } } }
  }`;

function registration(overrides: Record<string, unknown> = {}) {
  return {
    idNumber: makeIdNumber('510104', '1990-03-07', 123), // odd sequence: a man
    name: '刘洋',
    ethnicity: '汉族',
    districtCode: '510104',
    registeredAddress: '成都市锦江区红星路二段1号',
    phone: '13912345678',
    maritalStatus: 'MARRIED',
    ...overrides,
  };
}

async function countPeople(): Promise<number> {
  const [row] = await stack.sql<{ n: string }>('natural-person', 'select count(*) as n from person');
  return Number(row.n);
}

beforeAll(async () => {
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '陈明', gender: 'MALE', birthDate: '1980-01-02', maritalStatus: 'MARRIED' },
    { name: '周丽', gender: 'FEMALE', birthDate: '1982-05-06', maritalStatus: 'MARRIED', relationship: 'SPOUSE' },
    { name: '陈小明', gender: 'MALE', birthDate: '2012-09-10', relationship: 'CHILD', phone: null },
  ]);
  registrar = await stack.token({
    role: 'officer',
    dept: 'public-security',
    scopes: ['person:write', 'person:read', 'person:read:sensitive'],
  });
  reader = await stack.token({
    role: 'officer',
    dept: 'civil-affairs',
    scopes: ['person:read', 'person:read:sensitive'],
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('lookups', () => {
  it('finds a person by id with basic fields derived correctly', async () => {
    const child = family.members[2];
    const res = await stack.graphql('query($id: ID!) { person(id: $id) { id name gender birthYear districtCode } }', {
      token: reader,
      variables: { id: child.id },
    });
    expect(res.body).toEqual({
      data: { person: { id: child.id, name: '陈小明', gender: 'MALE', birthYear: 2012, districtCode: '510107' } },
    });
  });

  it('answers null, not an error, for an id nobody has', async () => {
    const res = await stack.graphql('query($id: ID!) { person(id: $id) { name } }', {
      token: reader,
      variables: { id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.body).toEqual({ data: { person: null } });
  });

  it('refuses an id that is not a UUID with BAD_USER_INPUT naming the argument', async () => {
    const res = await stack.graphql('query($id: ID!) { person(id: $id) { name } }', {
      token: reader,
      variables: { id: '42' },
    });
    expect(res.body.data).toEqual({ person: null });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id', rule: 'uuid' });
  });

  it('finds a person by ID number for an officer with a purpose, accepting a lowercase x', async () => {
    const woman = await addPerson(stack, {
      gender: 'FEMALE',
      birthDate: '1949-12-31',
      idNumber: '11010519491231002X',
      name: '赵敏',
    });
    const res = await stack.graphql('query($n: String!) { personByIdNumber(idNumber: $n) { id name } }', {
      token: reader,
      purpose: 'CASE-2026-0001',
      variables: { n: '11010519491231002x' },
    });
    expect(res.body).toEqual({ data: { personByIdNumber: { id: woman.id, name: '赵敏' } } });
  });

  it.each([
    ['51010419900307123', 'length', 'must be 18 characters'],
    ['5101041990030712AX', 'charset', 'must be 17 digits'],
    ['510104199002301234', 'birth-date', 'does not exist'],
    [
      '510104199003071230',
      'check-character',
      'idNumber "510104199003071230" fails the GB 11643 check character (expected 7, got 0)',
    ],
  ])('refuses ID number %s with rule %s', async (idNumber, rule, message) => {
    const res = await stack.graphql('query($n: String!) { personByIdNumber(idNumber: $n) { id } }', {
      token: reader,
      purpose: 'CASE-1',
      variables: { n: idNumber },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idNumber', rule });
    expect(res.body.errors?.[0].message).toContain(message);
  });
});

describe('households', () => {
  it('shows a member their household with every membership, head first', async () => {
    const token = await stack.token({ role: 'citizen', sub: family.members[1].id });
    const res = await stack.graphql(
      'query($n: String!) { household(number: $n) { number districtCode head { id } members { relationship person { id } } } }',
      { token, variables: { n: family.number } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.household).toEqual({
      number: family.number,
      districtCode: '510107',
      head: { id: family.members[0].id },
      members: [
        { relationship: 'HEAD', person: { id: family.members[0].id } },
        { relationship: 'SPOUSE', person: { id: family.members[1].id } },
        { relationship: 'CHILD', person: { id: family.members[2].id } },
      ],
    });
  });

  it("reaches a person's household from the person for an officer with a purpose", async () => {
    const res = await stack.graphql(
      'query($id: ID!) { person(id: $id) { household { number members { relationship } } } }',
      {
        token: reader,
        purpose: 'CASE-7',
        variables: { id: family.members[2].id },
      },
    );
    expect(res.body.data.person.household).toEqual({
      number: family.number,
      members: [{ relationship: 'HEAD' }, { relationship: 'SPOUSE' }, { relationship: 'CHILD' }],
    });
  });

  it('refuses a malformed household number with BAD_USER_INPUT', async () => {
    const res = await stack.graphql('query { household(number: "12ab") { number } }', {
      token: reader,
      purpose: 'CASE-7',
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'number' });
  });
});

describe('registerPerson', () => {
  it('registers a person in a new household, taking gender and birth date from the ID number', async () => {
    const input = registration();
    const res = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-1', variables: { input } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerPerson).toMatchObject({
      name: '刘洋',
      gender: 'MALE',
      birthDate: '1990-03-07',
      birthYear: 1990,
      districtCode: '510104',
      household: { members: [{ relationship: 'HEAD' }] },
    });
    expect(res.body.data.registerPerson.household.number).toMatch(/^\d{9}$/);
    const [log] = await stack.sql(
      'natural-person',
      `select action, outcome, fields from access_record where subject_id = $1 and action = 'write'`,
      [res.body.data.registerPerson.id],
    );
    expect(log).toEqual({ action: 'write', outcome: 'granted', fields: ['HouseholdMember.*', 'Person.*'] });
  });

  it('joins an existing household with the given relationship', async () => {
    const input = registration({
      idNumber: makeIdNumber('510107', '2015-04-04', 222),
      name: '陈小红',
      maritalStatus: 'UNMARRIED',
      phone: null,
      householdNumber: family.number,
      relationship: 'CHILD',
    });
    const res = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-2', variables: { input } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerPerson.household.number).toBe(family.number);
    expect(res.body.data.registerPerson.household.members.map((m: { relationship: string }) => m.relationship)).toEqual(
      ['HEAD', 'SPOUSE', 'CHILD', 'CHILD'],
    );
  });

  it('answers a repeated registration with the same person and writes nothing new', async () => {
    const input = registration({ idNumber: makeIdNumber('510105', '1977-07-07', 301), name: '孙强' });
    const first = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-3', variables: { input } });
    const before = await countPeople();
    const again = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-3', variables: { input } });
    expect(again.body.data.registerPerson.id).toBe(first.body.data.registerPerson.id);
    expect(await countPeople()).toBe(before);
  });

  it('registers concurrent identical submissions exactly once', async () => {
    const input = registration({ idNumber: makeIdNumber('510106', '1966-06-06', 401), name: '吴军' });
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        stack.graphql(REGISTER, { token: registrar, purpose: 'REG-3', variables: { input } }),
      ),
    );
    const ids = new Set(responses.map((r) => r.body.data?.registerPerson?.id));
    expect(responses.map((r) => r.body.errors)).toEqual(responses.map(() => undefined));
    expect(ids.size).toBe(1);
    const rows = await stack.sql('natural-person', 'select id from person where id_number = $1', [input.idNumber]);
    expect(rows).toHaveLength(1);
    const households = await stack.sql(
      'natural-person',
      'select household_id from household_member where person_id = $1',
      [rows[0].id],
    );
    expect(households).toHaveLength(1);
  });

  it('refuses the same ID number under another name', async () => {
    const input = registration({ idNumber: makeIdNumber('510105', '1977-07-07', 301), name: '别人' });
    const res = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-3', variables: { input } });
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.idNumber',
      rule: 'unique',
    });
  });

  it.each([
    ['a name over 50 characters', { name: '名'.repeat(51) }, 'input.name', 'length'],
    ['an empty name', { name: '   ' }, 'input.name', 'length'],
    ['an unknown ethnic group', { ethnicity: '火星族' }, 'input.ethnicity', 'ethnicity'],
    ['a district outside Chengdu', { districtCode: '110105' }, 'input.districtCode', 'district'],
    ['a landline as mobile number', { phone: '02885551234' }, 'input.phone', 'phone'],
    [
      'a married 18-year-old',
      { idNumber: makeIdNumber('510104', '2008-01-01', 111), maritalStatus: 'MARRIED' },
      'input.maritalStatus',
      'marriage-age',
    ],
    ['a bad check character', { idNumber: '510104199003071230' }, 'input.idNumber', 'check-character'],
    [
      'joining as a second head',
      { householdNumber: '200000001', relationship: 'HEAD' },
      'input.relationship',
      'relationship',
    ],
    ['joining without a relationship', { householdNumber: '200000001' }, 'input.relationship', 'relationship'],
    [
      'joining a household that does not exist',
      { householdNumber: '999999999', relationship: 'CHILD' },
      'input.householdNumber',
      'exists',
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, argument, rule) => {
    const before = await countPeople();
    const input = registration({ idNumber: makeIdNumber('510104', '1991-01-01', 555), name: '王五', ...overrides });
    const res = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-3', variables: { input } });
    expect(res.body.data?.registerPerson ?? null).toBeNull();
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument, rule });
    expect(res.body.errors?.[0].message).toContain(argument);
    expect(await countPeople()).toBe(before);
  });

  it.each([
    ['an officer of another department', { dept: 'civil-affairs', scopes: ['person:write'] }],
    ['a public-security officer without person:write', { dept: 'public-security', scopes: ['person:read'] }],
  ] as const)('refuses registration by %s with FORBIDDEN', async (_case, identity) => {
    const token = await stack.token({ role: 'officer', dept: identity.dept, scopes: [...identity.scopes] });
    const before = await countPeople();
    const res = await stack.graphql(REGISTER, {
      token,
      variables: { input: registration({ idNumber: makeIdNumber('510104', '1992-02-02', 777) }) },
    });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['registerPerson'], extensions: { code: 'FORBIDDEN' } });
    expect(await countPeople()).toBe(before);
  });
});

describe('updateMyContact', () => {
  const UPDATE = 'mutation($input: UpdateMyContactInput!) { updateMyContact(input: $input) { id phone } }';

  it('changes the signed-in citizen’s phone and logs the write', async () => {
    const me = family.members[0];
    const token = await stack.token({ role: 'citizen', sub: me.id });
    const res = await stack.graphql(UPDATE, { token, variables: { input: { phone: '15800001111' } } });
    expect(res.body).toEqual({ data: { updateMyContact: { id: me.id, phone: '15800001111' } } });
    const [row] = await stack.sql('natural-person', 'select phone from person where id = $1', [me.id]);
    expect(row.phone).toBe('15800001111');
    const writes = await stack.sql(
      'natural-person',
      `select fields, actor_role from access_record where subject_id = $1 and action = 'write'`,
      [me.id],
    );
    expect(writes).toEqual([{ fields: ['Person.phone'], actor_role: 'citizen' }]);
  });

  it('removes the phone when given null', async () => {
    const token = await stack.token({ role: 'citizen', sub: family.members[1].id });
    const res = await stack.graphql(UPDATE, { token, variables: { input: { phone: null } } });
    expect(res.body.data.updateMyContact.phone).toBeNull();
  });

  it('refuses a malformed phone and leaves the record as it was', async () => {
    const me = family.members[0];
    const token = await stack.token({ role: 'citizen', sub: me.id });
    const res = await stack.graphql(UPDATE, { token, variables: { input: { phone: '12345' } } });
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.phone',
      rule: 'phone',
    });
    const [row] = await stack.sql('natural-person', 'select phone from person where id = $1', [me.id]);
    expect(row.phone).toBe('15800001111');
  });

  it('is for citizens only', async () => {
    const res = await stack.graphql(UPDATE, { token: reader, variables: { input: { phone: '15800002222' } } });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['updateMyContact'], extensions: { code: 'FORBIDDEN' } });
  });
});

describe('entities', () => {
  it('resolves Person and Household references from the database for the gateway', async () => {
    const head = family.members[0];
    const res = await stack.subgraph(
      'natural-person',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } ... on Household { number } } }',
      {
        r: [
          { __typename: 'Person', id: head.id },
          { __typename: 'Household', number: family.number },
          { __typename: 'Person', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'Household', number: 'nonsense' },
        ],
      },
      {
        identity: {
          sub: 'ps-1',
          role: 'officer',
          dept: 'public-security',
          scopes: ['person:read', 'person:read:sensitive'],
        },
        purpose: 'X',
      },
    );
    expect(res.body).toEqual({
      data: { _entities: [{ id: head.id, name: '陈明' }, { number: family.number }, null, null] },
    });
  });
});
