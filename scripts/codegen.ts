/** `npm run codegen`: regenerates every subgraph's resolver types from its SDL in schema/. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { SUBGRAPH_NAMES } from '../subgraphs/catalog';
import { generateResolverTypes, generatedTypesPath } from './lib/codegen';

async function main(): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    const path = generatedTypesPath(name);
    const content = await generateResolverTypes(name);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // first generation
    }
    mkdirSync(dirname(path), { recursive: true });
    if (current !== content) writeFileSync(path, content);
    console.log(`${current === content ? 'unchanged' : 'wrote'} ${relative(process.cwd(), path)}`);
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
