/**
 * `npm run trusted-documents -- <files or globs...> [--out manifest.json]`: the manifest of trusted
 * documents (SHA-256 of each operation's text -> text) that the gateway runs in trusted-documents
 * mode (TRUSTED_DOCUMENTS=<manifest>). Quote globs so that the script, not the shell, expands them:
 *
 *   npm run trusted-documents -- 'apps/hrss/**\/*.graphql' --out trusted-documents/hrss.json
 */
import { writeFileSync } from 'node:fs';
import { buildManifest, expandPatterns } from './lib/trusted-documents';

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt === -1 ? undefined : args[outAt + 1];
  const patterns = args.filter((_, i) => outAt === -1 || (i !== outAt && i !== outAt + 1));
  if (patterns.length === 0 || (outAt !== -1 && !out)) {
    console.error("usage: npm run trusted-documents -- '<glob of .graphql files>' [more ...] [--out manifest.json]");
    process.exit(2);
  }
  const files = expandPatterns(patterns, process.cwd());
  const { manifest, operations } = buildManifest(files);
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (out) {
    writeFileSync(out, text);
    console.error(
      `${operations.length} operations from ${files.length} files written to ${out}: ${operations.join(', ')}`,
    );
  } else {
    process.stdout.write(text);
  }
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
