import type { Knex } from '@mikro-orm/postgresql';
import type { Caller } from '../identity';
import { appendToChain, type AccessAction, type AccessEntry, type AccessOutcome } from './chain';

/**
 * Collects the personal-data accesses of one request and writes them to the access log in one
 * transaction before the response leaves (see the flush plugin in server.ts). One record per
 * person, action and outcome, listing the fields. If the write fails, the response is withheld.
 */
export class AccessRecorder {
  private readonly pending = new Map<string, AccessEntry>();

  constructor(
    private readonly knex: Knex,
    private readonly registry: string,
    private readonly caller: Caller,
  ) {}

  /** Notes that `field` (as Type.field) of each subject was read, or refused. */
  note(subjectIds: readonly string[], field: string, outcome: AccessOutcome, action: AccessAction = 'read'): void {
    for (const subjectId of subjectIds) {
      const key = `${subjectId}|${action}|${outcome}`;
      const entry = this.pending.get(key) ?? { subjectId, action, outcome, fields: [] };
      if (!entry.fields.includes(field)) entry.fields.push(field);
      this.pending.set(key, entry);
    }
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Writes everything noted so far. Throws when the log cannot be written. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    await this.knex.transaction((trx) => appendToChain(trx, this.registry, this.caller, entries));
  }

  /**
   * Writes entries inside the caller's transaction, so a write and its log record commit or fail
   * together (used by mutations).
   */
  async writeWithin(trx: Knex.Transaction, entries: AccessEntry[]): Promise<void> {
    await appendToChain(trx, this.registry, this.caller, entries);
  }
}
