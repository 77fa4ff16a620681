import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Caller } from '../identity';
import type { ChainAppender } from './appender';
import { appendToChain, recordContent, type AccessAction, type AccessEntry, type AccessOutcome } from './chain';

/** A write attempt as a resolver reports it: whose data and which fields (the identifier comes from the root field). */
export interface WriteAttempt {
  subjectId: string | null;
  fields: string[];
  identifier?: string | null;
}

/**
 * Collects the accesses of one request: one record per person, action and outcome, listing the
 * fields (a lookup by another identifier gets its own record). Reads and refusals are written by
 * the registry's appender (group commit) before the response leaves, see the flush plugin in
 * server.ts; if they cannot be written, the response is withheld. A write is recorded inside its
 * own transaction with `writeWithin`, so the change and its record commit or fail together.
 *
 * What a mutation resolver calls (refusals and rejected input are recorded for it):
 * - `ctx.access.writeWithin(em, [{ subjectId, fields }])` after writing, inside the transaction;
 * - `ctx.access.unchanged({ subjectId, fields })` when the request repeats a write already made.
 */
export class AccessRecorder {
  private readonly entries: AccessEntry[] = [];
  private readonly index = new Map<string, AccessEntry[]>();
  private writesRecorded = 0;
  private rootIdentifier: string | null = null;
  /** Consent grants the permission rules relied on, by the response path of the field they allowed. */
  private readonly grantsByPath = new Map<string, string>();

  constructor(
    private readonly appender: ChainAppender,
    private readonly registry: string,
    private readonly caller: Caller,
  ) {}

  /**
   * Notes that `field` (as Type.field) of each subject was read (or written), with `outcome`.
   * `identifier` is given by root fields (the argument the caller named the data by); a field read
   * without one joins the subject's record.
   */
  note(
    subjectIds: readonly (string | null)[],
    field: string,
    outcome: AccessOutcome,
    action: AccessAction = 'read',
    identifier?: string | null,
    grantId: string | null = null,
  ): void {
    for (const subjectId of subjectIds) {
      const entry = this.entryFor(subjectId, action, outcome, identifier, grantId);
      if (!entry.fields.includes(field)) entry.fields.push(field);
    }
  }

  /** Records a write attempt that changed nothing because it repeats one already made (idempotent repeat). */
  unchanged(attempt: WriteAttempt): void {
    const entry = this.entryFor(attempt.subjectId, 'write', 'unchanged', attempt.identifier ?? this.rootIdentifier);
    for (const field of attempt.fields) if (!entry.fields.includes(field)) entry.fields.push(field);
    this.writesRecorded += 1;
  }

  /**
   * Records writes inside the transaction that makes them (an EntityManager inside `transactional`,
   * or a Knex transaction), so a write and its record commit or fail together. Outcome defaults to granted.
   */
  async writeWithin(
    transaction: EntityManager | Knex.Transaction,
    writes: (WriteAttempt & Partial<Pick<AccessEntry, 'action' | 'outcome'>>)[],
  ): Promise<void> {
    const trx =
      'getTransactionContext' in transaction
        ? transaction.getTransactionContext<Knex.Transaction>()
        : (transaction as Knex.Transaction);
    if (!trx) throw new Error('writeWithin needs the transaction the write is made in');
    await appendToChain(
      trx,
      writes.map((write) =>
        recordContent(this.registry, this.caller, {
          action: write.action ?? 'write',
          outcome: write.outcome ?? 'granted',
          subjectId: write.subjectId,
          fields: write.fields,
          identifier: write.identifier ?? this.rootIdentifier,
        }),
      ),
    );
    this.writesRecorded += 1;
  }

  /**
   * Called by a permission rule that allowed the field at response path `path` only because of the
   * consent grant `grantId` (an officer without the scope): the read is recorded with the grant.
   */
  allowedByGrant(path: string, grantId: string): void {
    this.grantsByPath.set(path, grantId);
  }

  /** Whether any permission rule of this request allowed a field by a consent grant. */
  get usedGrants(): boolean {
    return this.grantsByPath.size > 0;
  }

  /** The consent grant that allowed the field at `path`, if one did. */
  grantAt(path: string): string | null {
    return this.grantsByPath.get(path) ?? null;
  }

  get hasPending(): boolean {
    return this.entries.length > 0;
  }

  /** Writes everything noted so far through the registry's appender. Throws when the log cannot be written. */
  async flush(): Promise<void> {
    if (this.entries.length === 0) return;
    const contents = this.entries.map((entry) => recordContent(this.registry, this.caller, entry));
    this.entries.length = 0;
    this.index.clear();
    await this.appender.append(contents);
  }

  /** Used by the access-log middleware around a root Mutation field: its identifier, and a mark to compare. */
  beginRootWrite(identifier: string | null): number {
    this.rootIdentifier = identifier;
    return this.writesRecorded;
  }

  /** Whether the resolver recorded its write (writeWithin or unchanged) since `mark`. */
  endRootWrite(mark: number): boolean {
    this.rootIdentifier = null;
    return this.writesRecorded > mark;
  }

  private entryFor(
    subjectId: string | null,
    action: AccessAction,
    outcome: AccessOutcome,
    identifier: string | null | undefined,
    grantId: string | null = null,
  ): AccessEntry {
    // Reads under a consent grant get their own record, naming the grant.
    const key = `${subjectId ?? ''}|${action}|${outcome}|${grantId ?? ''}`;
    const candidates = this.index.get(key) ?? [];
    let entry: AccessEntry | undefined;
    if (identifier === undefined) {
      entry = candidates[0];
    } else {
      entry =
        candidates.find((e) => (e.identifier ?? null) === identifier) ??
        (identifier === null ? undefined : candidates.find((e) => e.identifier == null));
      if (entry && identifier !== null) entry.identifier = identifier;
    }
    if (!entry) {
      entry = { subjectId, action, outcome, fields: [], identifier: identifier ?? null, grantId };
      this.entries.push(entry);
      this.index.set(key, [...candidates, entry]);
    }
    return entry;
  }
}
