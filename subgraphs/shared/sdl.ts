import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import type { SubgraphName } from '../catalog';
import { REPO_ROOT } from './config';

/** A subgraph's SDL from schema/<name>.graphql, the source of truth for its schema. */
export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readFileSync(join(REPO_ROOT, 'schema', `${name}.graphql`), 'utf8'));
}
