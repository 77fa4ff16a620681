/** `npm run web:codegen`: the web pages' operation types and their trusted-documents manifest. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { generateWebFiles } from './lib/web-codegen';

async function main(): Promise<void> {
  for (const [path, content] of await generateWebFiles()) {
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
