import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKeysDir, keysDir } from '../keys';

/**
 * Pseudonyms for statistics extracts. Every registry derives a person's pseudonym the same way,
 * HMAC-SHA256(person id, PSEUDONYM_KEY), so records join across registries without any id; the
 * statistics side never holds the key, so it cannot turn an id it happens to know into a
 * pseudonym, nor a pseudonym back into an id. Each record also carries a fixed record key in
 * [0, 1) (an unsigned 32-bit integer / 2^32), HMAC-SHA256(pseudonym, RECORD_KEY_KEY): the same
 * person always has the same record key, which is what makes the cell-key perturbation stable.
 *
 * Keys: PSEUDONYM_KEY and STATISTICS_RECORD_KEY (each at least 32 bytes), shared by the registries
 * and given to no other process; in development generated once into .data/keys.
 */

export interface PseudonymKeys {
  pseudonym: Buffer;
  record: Buffer;
}

const FILES = { pseudonym: 'statistics-pseudonym.secret', record: 'statistics-record-key.secret' } as const;

function keyFromEnvOrFile(variable: string, file: string): Buffer {
  const configured = process.env[variable];
  if (configured !== undefined) {
    const bytes = Buffer.from(configured, 'utf8');
    if (bytes.length < 32) throw new Error(`${variable} must be at least 32 bytes long`);
    return bytes;
  }
  const dir = keysDir();
  const path = join(dir, file);
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
  } catch {
    ensureKeysDir();
    try {
      writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
  }
}

let cached: PseudonymKeys | null = null;

/** The registries' pseudonym keys (PSEUDONYM_KEY, STATISTICS_RECORD_KEY, or .data/keys in development). */
export function loadPseudonymKeys(): PseudonymKeys {
  cached ??= {
    pseudonym: keyFromEnvOrFile('PSEUDONYM_KEY', FILES.pseudonym),
    record: keyFromEnvOrFile('STATISTICS_RECORD_KEY', FILES.record),
  };
  return cached;
}

/** A person's (or organization's) pseudonym: HMAC-SHA256 of the id, base64url (43 characters). */
export function pseudonymOf(keys: PseudonymKeys, id: string): string {
  return createHmac('sha256', keys.pseudonym).update(id).digest('base64url');
}

/** The record key of a pseudonym: the first 32 bits of HMAC-SHA256(pseudonym), an integer in [0, 2^32). */
export function recordKeyOf(keys: PseudonymKeys, pseudonym: string): number {
  return createHmac('sha256', keys.record).update(pseudonym).digest().readUInt32BE(0);
}
