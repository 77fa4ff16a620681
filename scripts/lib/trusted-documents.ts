import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Builds a trusted-documents manifest (hash -> text) from `.graphql` files: one document per
 * operation, holding the operation and the fragments it uses (from any of the files), printed in
 * graphql-js's canonical form, keyed by the SHA-256 (hex) of that text. Operations must be named,
 * and a name may stand for one text only (names label the metrics).
 */
export function buildManifest(files: string[]): { manifest: Record<string, string>; operations: string[] } {
  const operations: { operation: OperationDefinitionNode; file: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files) {
    let definitions: readonly DefinitionNode[];
    try {
      definitions = parse(readFileSync(file, 'utf8')).definitions;
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
    for (const definition of definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const existing = fragments.get(definition.name.value);
        if (existing && print(existing) !== print(definition)) {
          throw new Error(`${file}: fragment ${definition.name.value} is defined twice, differently`);
        }
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) throw new Error(`${file}: every operation needs a name (it labels the metrics)`);
        operations.push({ operation: definition, file });
      } else {
        throw new Error(`${file}: only operations and fragments belong in a trusted document`);
      }
    }
  }
  const manifest: Record<string, string> = {};
  const byName = new Map<string, string>();
  for (const { operation, file } of operations) {
    const used = usedFragments(operation, fragments, file);
    const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...used] });
    const name = operation.name!.value;
    const previous = byName.get(name);
    if (previous !== undefined && previous !== text) {
      throw new Error(`${file}: operation ${name} is defined twice with different text; give each its own name`);
    }
    byName.set(name, text);
    manifest[createHash('sha256').update(text, 'utf8').digest('hex')] = text;
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { manifest: sorted, operations: [...byName.keys()].sort() };
}

function usedFragments(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  file: string,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${file}: fragment ${name} is used but defined in none of the files`);
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => (a.name.value < b.name.value ? -1 : 1));
}

/**
 * Files named by paths or glob patterns (`*` within a folder, `**` across folders, `?`, `{a,b}`),
 * relative to `cwd`, sorted.
 */
export function expandPatterns(patterns: string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (!/[*?{[]/.test(pattern)) {
      const path = resolve(cwd, pattern);
      if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new Error(`${pattern}: no such file`);
      files.add(path);
      continue;
    }
    const parts = pattern.split('/');
    const fixed = parts.slice(
      0,
      parts.findIndex((part) => /[*?{[]/.test(part)),
    );
    const base = resolve(cwd, fixed.join('/') || '.');
    const matcher = globToRegExp(parts.slice(fixed.length).join('/'));
    let found = 0;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
      if (full.split(sep).includes('node_modules')) continue;
      if (matcher.test(relative(base, full).split(sep).join('/'))) {
        files.add(full);
        found += 1;
      }
    }
    if (found === 0) throw new Error(`${pattern}: matches no file`);
  }
  return [...files].sort();
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', i);
      source += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((option) => option.replace(/[.+^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
