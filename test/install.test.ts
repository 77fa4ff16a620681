import { readFileSync } from 'node:fs';
import semver from 'semver';

/**
 * `npm ci` on the Node the README names must be clean: no package in the lockfile may require a
 * newer Node than package.json's `engines` admits (npm only warns, and the package may then fail
 * at run time on that Node).
 */

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};
const oldestNode = semver.minVersion(packageJson.engines.node)!.version;

it('names in the README the oldest Node that package.json admits', () => {
  const readme = readFileSync('README.md', 'utf8');
  const [major, minor] = oldestNode.split('.');
  expect(readme).toContain(`Node.js ${major}.${minor} or later`);
});

it(`installs nothing from the lockfile that needs a Node newer than ${oldestNode}`, () => {
  const tooNew = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
    .filter(([, entry]) => {
      const range = (entry.engines as { node: string }).node;
      return !semver.satisfies(oldestNode, range, { includePrerelease: true });
    })
    .map(([path, entry]) => `${path}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
  expect(tooNew).toEqual([]);
});
