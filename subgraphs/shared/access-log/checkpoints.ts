import { KeyObject, createPublicKey } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from '@mikro-orm/postgresql';
import { CompactSign, compactVerify, importJWK, type CryptoKey } from 'jose';
import { GATEWAY_ASSERTION_ALG } from '../keys';
import type { Logger } from '../logger';
import { runInBackground } from '../telemetry/request-scope';
import { GENESIS_HASH, readChainHead, walkChain } from './chain';

/**
 * Signed checkpoints of a registry's chain head, kept outside its database.
 *
 * The hash chain shows any edit made without recomputing the later hashes; someone who controls
 * the database (its administrator) can recompute them all and the head. So every N records or T
 * seconds the registry process signs the head (position and hash) with the registry's own Ed25519
 * key, which the database never holds, and appends the signature to a file of its own: one JSON
 * line per checkpoint, append-only. `npm run audit:verify` checks each chain against them with the
 * registry's public key: a rewrite shows as a record that no longer has the hash a checkpoint signed.
 *
 * Before signing, the checkpointer checks that the chain still continues from its last checkpoint
 * unchanged, so it never signs over a rewrite of records that were already checkpointed.
 */

export interface Checkpoint {
  registry: string;
  /** The chain position signed: the last record at the time. */
  seq: number;
  /** That record's hash, which covers the whole chain before it. */
  hash: string;
  /** When the checkpoint was made. */
  at: string;
}

/** The file a registry's checkpoints are appended to. */
export function checkpointFile(dir: string, registry: string): string {
  return join(dir, `${registry}.checkpoints.jsonl`);
}

/**
 * Moves a registry's checkpoint file aside when its log is deliberately emptied (npm run seed --
 * --reset drops the database): the old checkpoints describe a log that no longer exists. Kept,
 * renamed with the time, for whoever audits the reset. Returns the new path, or null if there was none.
 */
export async function retireCheckpoints(dir: string, registry: string): Promise<string | null> {
  const file = checkpointFile(dir, registry);
  const retired = join(dir, `${registry}.checkpoints.retired-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
  try {
    await rename(file, retired);
    return retired;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The JWS type of a checkpoint. The registry's key also signs its delegated calls (typ
 * gov-graph-delegation+jwt); the types keep one from being taken for the other.
 */
export const CHECKPOINT_TYPE = 'gov-graph-access-log-checkpoint';

/** One line of a checkpoint file: the checkpoint in the clear, and the same as a JWS the registry signed. */
export async function signCheckpoint(key: CryptoKey, checkpoint: Checkpoint): Promise<string> {
  const payload = JSON.stringify({
    registry: checkpoint.registry,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    at: checkpoint.at,
  });
  const jws = await new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG, typ: CHECKPOINT_TYPE })
    .sign(key);
  return `${JSON.stringify({ ...checkpoint, jws })}\n`;
}

/** A line that could not be accepted as a checkpoint. */
export interface CheckpointProblem {
  line: number;
  problem: string;
}

/**
 * Reads and verifies every line of a checkpoint file with the registry's public key. Only what the
 * signature covers is returned; a line whose signature fails, or whose clear text disagrees with
 * what was signed, is a problem.
 */
export async function readCheckpoints(
  file: string,
  registry: string,
  publicKey: CryptoKey,
): Promise<{ exists: boolean; checkpoints: (Checkpoint & { line: number })[]; problems: CheckpointProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, checkpoints: [], problems: [] };
    throw error;
  }
  const checkpoints: (Checkpoint & { line: number })[] = [];
  const problems: CheckpointProblem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const parsed = await verifyLine(lines[i], publicKey);
    if (typeof parsed === 'string') {
      problems.push({ line, problem: parsed });
    } else if (parsed.registry !== registry) {
      problems.push({ line, problem: `is a checkpoint of ${parsed.registry}, not ${registry}` });
    } else {
      checkpoints.push({ ...parsed, line });
    }
  }
  return { exists: true, checkpoints, problems };
}

/** The checkpoint a line's signature covers, or what is wrong with the line. */
async function verifyLine(text: string, publicKey: CryptoKey): Promise<Checkpoint | string> {
  let line: Partial<Checkpoint> & { jws?: unknown };
  try {
    line = JSON.parse(text) as typeof line;
  } catch {
    return 'is not a JSON checkpoint line (the file was edited or damaged)';
  }
  if (typeof line.jws !== 'string') return 'has no signature (the file was edited)';
  let signed: Checkpoint;
  try {
    const { payload, protectedHeader } = await compactVerify(line.jws, publicKey, {
      algorithms: [GATEWAY_ASSERTION_ALG],
    });
    if (protectedHeader.typ !== CHECKPOINT_TYPE) return 'is signed, but not as a checkpoint (another kind of token)';
    signed = JSON.parse(new TextDecoder().decode(payload)) as Checkpoint;
  } catch {
    return "has a signature that the registry's public key does not verify (forged or edited)";
  }
  if (
    !Number.isInteger(signed.seq) ||
    signed.seq < 1 ||
    typeof signed.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(signed.hash) ||
    typeof signed.registry !== 'string' ||
    typeof signed.at !== 'string'
  ) {
    return 'has a signed payload that is not a checkpoint';
  }
  if (
    line.seq !== signed.seq ||
    line.hash !== signed.hash ||
    line.at !== signed.at ||
    line.registry !== signed.registry
  ) {
    return 'says something other than what was signed (the clear text was edited)';
  }
  return { registry: signed.registry, seq: signed.seq, hash: signed.hash, at: signed.at };
}

export interface CheckpointerOptions {
  knex: Knex;
  registry: string;
  dir: string;
  signingKey: CryptoKey;
  /** Checkpoint once this many records have been appended since the last (0: never by count). */
  everyRecords: number;
  /** Checkpoint this often when there are new records (0: never by time). */
  everySeconds: number;
  log: Logger;
}

/** Signs a registry's chain head every N records or T seconds, and once more when the process stops. */
export class Checkpointer {
  private last: { seq: number; hash: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private scheduled = false;
  private readonly file: string;
  /** Checkpoints written by this process. */
  written = 0;
  /** Why the last attempt signed nothing, when the chain did not continue from the last checkpoint. */
  lastProblem: string | null = null;

  constructor(private readonly options: CheckpointerOptions) {
    this.file = checkpointFile(options.dir, options.registry);
  }

  /** Reads the last checkpoint this registry signed and starts the timer. */
  async start(): Promise<void> {
    await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
    this.last = await this.readLastOwn();
    if (this.options.everySeconds > 0) {
      // Checkpoints are the registry's own work, never part of a request (nor counted as one's).
      this.timer = runInBackground(() => setInterval(() => void this.checkpoint(), this.options.everySeconds * 1000));
      this.timer.unref();
    }
  }

  /** The appender committed a batch ending at `seq`: checkpoint if enough records have gone by. */
  committed(last: { seq: number }): void {
    const { everyRecords } = this.options;
    if (everyRecords <= 0 || this.scheduled || last.seq - (this.last?.seq ?? 0) < everyRecords) return;
    this.scheduled = true;
    // Told from the request whose batch crossed the count: the checkpoint is not that request's work.
    void runInBackground(() => this.checkpoint()).finally(() => {
      this.scheduled = false;
    });
  }

  /**
   * Signs the current head, if there are records since the last checkpoint and the chain continues
   * from it unchanged. Resolves with the checkpoint written, or null. Never rejects: a failure is logged.
   */
  checkpoint(): Promise<Checkpoint | null> {
    const next = this.queue.then(() =>
      this.write().catch((error: Error) => {
        this.options.log.error({ err: error }, 'could not write an access log checkpoint; will try again');
        return null;
      }),
    );
    this.queue = next;
    return next;
  }

  /** Stops the timer and writes a last checkpoint. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checkpoint();
  }

  private async write(): Promise<Checkpoint | null> {
    const { knex, registry, log } = this.options;
    const head = await readChainHead(knex);
    if (!head || head.seq === 0) return null;
    if (this.last && head.seq === this.last.seq && head.hash === this.last.hash) return null;
    const problem = await this.continuityProblem(head);
    if (problem) {
      this.lastProblem = problem;
      log.error(
        { registry, file: this.file },
        `access log NOT checkpointed: ${problem}. Someone may have rewritten the log; run npm run audit:verify. ` +
          'If the log was reset on purpose (npm run seed -- --reset), move the checkpoint file aside.',
      );
      return null;
    }
    this.lastProblem = null;
    const checkpoint: Checkpoint = { registry, seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    const line = await signCheckpoint(this.options.signingKey, checkpoint);
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.last = { seq: head.seq, hash: head.hash };
    this.written += 1;
    log.debug({ registry, seq: head.seq }, 'access log checkpoint signed');
    return checkpoint;
  }

  /** Why the chain up to `head` does not continue from the last checkpoint, or null when it does. */
  private async continuityProblem(head: { seq: number; hash: string }): Promise<string | null> {
    const from = this.last ?? { seq: 0, hash: GENESIS_HASH };
    if (head.seq < from.seq) {
      return `the log ends at record ${head.seq} but record ${from.seq} was checkpointed`;
    }
    const walked = await walkChain(
      this.options.knex,
      { from: from.seq + 1, before: from.hash, to: head.seq },
      () => {},
    );
    if (walked.breaks.length > 0) {
      const first = walked.breaks[0];
      return `since the checkpoint of record ${from.seq}, at record ${first.seq}: ${first.problem}`;
    }
    if (walked.last.hash !== head.hash) return `the chain head does not match record ${head.seq}`;
    return null;
  }

  /** The last checkpoint in the file that this registry's key signed (a damaged tail is skipped). */
  private async readLastOwn(): Promise<{ seq: number; hash: string } | null> {
    let text: string;
    try {
      const handle = await open(this.file, 'r');
      try {
        const { size } = await handle.stat();
        const length = Math.min(size, 64 * 1024);
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, size - length);
        text = buffer.toString('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const jwk = createPublicKey(KeyObject.from(this.options.signingKey)).export({ format: 'jwk' });
    const verifyKey = (await importJWK(jwk, GATEWAY_ASSERTION_ALG)) as CryptoKey;
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    let best: { seq: number; hash: string } | null = null;
    // Replicas of this registry may share the file: take the furthest checkpoint in the tail.
    for (const line of lines.slice(-200)) {
      const parsed = await verifyLine(line, verifyKey);
      if (typeof parsed === 'string' || parsed.registry !== this.options.registry) continue;
      if (!best || parsed.seq > best.seq) best = { seq: parsed.seq, hash: parsed.hash };
    }
    if (!best && lines.length > 0) {
      this.options.log.warn(
        { file: this.file },
        'the checkpoint file has no checkpoint this registry signed near its end; checking the chain from the start',
      );
    }
    return best;
  }
}
