import type { Knex } from '@mikro-orm/postgresql';
import type { CryptoKey } from 'jose';
import { verifyChain, type ChainBreak } from './chain';
import { readCheckpoints, type Checkpoint } from './checkpoints';
import { membersClaim, verifyMembers } from './members';

/** What auditing one registry's access log found. */
export interface AccessLogAudit {
  registry: string;
  /** Records checked. */
  checked: number;
  /** Valid signed checkpoints found. */
  checkpoints: number;
  /** Breaks: each means the log was altered, damaged or cut short. */
  breaks: ChainBreak[];
  /** What the audit could not cover (not a break): records after the last checkpoint, a missing file. */
  notes: string[];
}

/**
 * Checks one registry's access log: the hash chain (every record against its hash and the one
 * before, the head against the last record), the members of records that cover many people
 * against the digest each states (members.ts), and the chain against the registry's signed
 * checkpoints, so that a rewrite that recomputed every later hash and the head is still found:
 * it is reported from the last checkpoint that still matches up to the first that no longer does.
 */
export async function auditAccessLog(options: {
  registry: string;
  knex: Knex;
  /** The registry's checkpoint file, and the public key that verifies it (null: chain only). */
  checkpoints: { file: string; publicKey: CryptoKey } | null;
  onProgress?: (checked: number) => void;
}): Promise<AccessLogAudit> {
  const { registry, knex } = options;
  const notes: string[] = [];
  const breaks: ChainBreak[] = [];
  let signed: (Checkpoint & { line: number })[] = [];
  if (options.checkpoints) {
    const read = await readCheckpoints(options.checkpoints.file, registry, options.checkpoints.publicKey);
    if (!read.exists) notes.push(`no checkpoint file at ${options.checkpoints.file}: only the hash chain was checked`);
    for (const problem of read.problems) {
      breaks.push({ seq: 0, problem: `checkpoint file line ${problem.line} ${problem.problem}` });
    }
    signed = read.checkpoints;
  } else {
    notes.push('no public key to check signed checkpoints with: only the hash chain was checked');
  }

  const bySeq = new Map<number, (Checkpoint & { line: number })[]>();
  for (const checkpoint of signed) bySeq.set(checkpoint.seq, [...(bySeq.get(checkpoint.seq) ?? []), checkpoint]);
  const matching = new Set<number>();
  const mismatching: (Checkpoint & { line: number })[] = [];
  // Records covering many people (statistics extract batches) state their members' digest.
  const claims = new Map<number, { count: number; digest: string }>();
  const chain = await verifyChain(knex, {
    onProgress: options.onProgress,
    visit: (record) => {
      const claim = membersClaim(record);
      if (claim) claims.set(record.seq, claim);
      for (const checkpoint of bySeq.get(record.seq) ?? []) {
        if (checkpoint.hash === record.hash) matching.add(checkpoint.seq);
        else mismatching.push(checkpoint);
      }
    },
  });
  breaks.push(...chain.breaks);
  breaks.push(...(await verifyMembers(knex, claims)));
  const end = chain.last.seq;

  if (mismatching.length > 0) {
    const first = mismatching.reduce((a, b) => (b.seq < a.seq ? b : a));
    const lastGood = Math.max(0, ...[...matching].filter((seq) => seq < first.seq));
    const later = new Set(mismatching.map((c) => c.seq)).size - 1;
    breaks.push({
      seq: lastGood + 1,
      problem:
        `records ${lastGood + 1} to ${first.seq} were rewritten: record ${first.seq} no longer has the hash signed ` +
        `in the checkpoint of ${first.at} (checkpoint file line ${first.line}); ` +
        (lastGood > 0
          ? `the last checkpoint that still matches is record ${lastGood}`
          : 'no earlier checkpoint matches') +
        (later > 0 ? `; ${later} later checkpoint(s) do not match either` : ''),
    });
  }
  const beyond = signed.filter((c) => c.seq > end);
  if (beyond.length > 0) {
    const furthest = beyond.reduce((a, b) => (b.seq > a.seq ? b : a));
    breaks.push({
      seq: end + 1,
      problem:
        `records ${end + 1} to ${furthest.seq} were removed: the checkpoint of ${furthest.at} signed record ` +
        `${furthest.seq}, but the log ends at record ${end}`,
    });
  }
  const covered = Math.max(0, ...signed.filter((c) => c.seq <= end).map((c) => c.seq));
  if (options.checkpoints && end > covered) {
    notes.push(
      `records ${covered + 1} to ${end} are after the last signed checkpoint: only the hash chain protects them ` +
        '(the next checkpoint will cover them)',
    );
  }
  breaks.sort((a, b) => a.seq - b.seq);
  return { registry, checked: chain.checked, checkpoints: signed.length, breaks, notes };
}
