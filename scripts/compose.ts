/**
 * `npm run compose`: composes rover.yaml's subgraphs into schema/supergraph.graphql, which the
 * gateway serves. `npm run compose -- --check` only reports whether the committed file is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { composeSupergraph, SUPERGRAPH_FILE } from './lib/compose';

const check = process.argv.includes('--check');
try {
  const supergraph = composeSupergraph();
  const current = (() => {
    try {
      return readFileSync(SUPERGRAPH_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  const path = relative(process.cwd(), SUPERGRAPH_FILE);
  if (check) {
    if (current !== supergraph) {
      console.error(`${path} is stale: run \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${path} is current.`);
  } else {
    writeFileSync(SUPERGRAPH_FILE, supergraph);
    console.log(current === supergraph ? `${path} unchanged.` : `Wrote ${path}.`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
