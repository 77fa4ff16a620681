import { REGISTRY_NAMES } from '../subgraphs/catalog';
import { startStack, type TestStack } from './support/stack';

/** The committed migrations build exactly the schema the entities describe. */

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

it.each(REGISTRY_NAMES)(
  '%s: entities and committed migrations agree (npm run migration:create finds nothing)',
  async (name) => {
    expect(await stack.db[name].orm.getMigrator().checkMigrationNeeded()).toBe(false);
  },
);

it.each(REGISTRY_NAMES)('%s: migrations are recorded as applied and a second run applies nothing', async (name) => {
  const migrator = stack.db[name].orm.getMigrator();
  expect(await migrator.getPendingMigrations()).toEqual([]);
  expect((await migrator.getExecutedMigrations()).length).toBeGreaterThan(0);
});
