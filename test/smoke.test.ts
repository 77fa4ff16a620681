import { addHousehold, addOrganizations, addPerson } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

it('smoke', async () => {
  const h = await addHousehold(stack, [{ name: '张伟' }, { name: '李娜', relationship: 'SPOUSE' }]);
  const me = h.members[0];
  const [org] = await addOrganizations(stack, [me.id]);
  const citizen = await stack.token({ role: 'citizen', sub: me.id });
  const officer = await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['person:read', 'person:read:sensitive', 'organization:read'] });
  const auditor = await stack.token({ role: 'auditor', dept: 'data-bureau' });
  let res = await stack.graphql('query Me { me { id name idNumber household { number members { relationship person { name } } } legalRepresentativeOf { name creditCode registeredCapital } } }', { token: citizen });
  console.log(JSON.stringify(res.body, null, 1));
  res = await stack.graphql('query Org($c: String!) { organization(creditCode: $c) { name status legalRepresentative { name idNumber } penalties { amount } creditRiskClass } }', { token: officer, variables: { c: org.creditCode }, purpose: 'CASE-1' });
  console.log(JSON.stringify(res.body, null, 1));
  res = await stack.graphql('query Anon($c: String!) { organization(creditCode: $c) { name status legalRepresentative { name } } organizations(first: 5) { totalCount edges { cursor node { name } } } }', { variables: { c: org.creditCode } });
  console.log(JSON.stringify(res.body, null, 1));
  res = await stack.graphql('query Mine { me { accessRecords(first: 10) { edges { node { at registry action outcome actorRole actorDepartment purpose fields operationName } } pageInfo { hasNextPage endCursor } } } }', { token: citizen });
  console.log(JSON.stringify(res.body, null, 1));
  res = await stack.graphql('query A($p: ID!) { accessRecords(filter: { personId: $p }, first: 3) { edges { node { registry fields outcome } } pageInfo { hasNextPage endCursor } } }', { token: auditor, variables: { p: me.id } });
  console.log(JSON.stringify(res.body, null, 1));
  const reg = await stack.graphql('mutation R($i: RegisterPersonInput!) { registerPerson(input: $i) { id name gender birthDate household { number } } }', { token: await stack.token({ role: 'officer', dept: 'public-security', scopes: ['person:write', 'person:read', 'person:read:sensitive'] }), purpose: 'REG-1', variables: { i: { idNumber: '11010519491231002X', name: '王芳', ethnicity: '汉族', districtCode: '510104', registeredAddress: '成都市锦江区红星路1号', maritalStatus: 'MARRIED' } } });
  console.log(JSON.stringify(reg.body, null, 1));
  const ent = await stack.subgraph('natural-person', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name idNumber } } }', { r: [{ __typename: 'Person', id: me.id }] }, { identity: { sub: me.id, role: 'citizen', dept: null, scopes: [] } });
  console.log(JSON.stringify(ent.body, null, 1));
  const unsigned = await fetch(stack.servers['natural-person'].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  console.log(unsigned.status, await unsigned.text());
  console.log(await stack.sql('natural-person', 'select seq, subject_id, fields, outcome, actor_role, purpose from access_record order by seq'));
});
