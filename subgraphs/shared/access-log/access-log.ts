import type { Knex } from '@mikro-orm/postgresql';
import type { CryptoKey } from 'jose';
import type { RegistryName } from '../../catalog';
import { checkpointDir, checkpointEveryRecords, checkpointEverySeconds } from '../config';
import type { Caller } from '../identity';
import { loadRegistrySigningKey } from '../keys';
import type { Logger } from '../logger';
import { parseAlertThresholds, UnusualReadingWatch, type AlertThresholds } from './alerts';
import { ChainAppender } from './appender';
import { Checkpointer } from './checkpoints';
import { AccessRecorder } from './recorder';

/**
 * One registry process's access log: the appender every request's records go through (group
 * commit) and the checkpointer that signs the chain head. Open one per process, hand each request
 * a `recorder(caller)`, and `close()` after the server has stopped (it writes a last checkpoint).
 */
export class AccessLog {
  readonly appender: ChainAppender;
  /** Raises alerts for officers reading unusually many people (alerts.ts). */
  readonly watch: UnusualReadingWatch;

  private constructor(
    readonly registry: RegistryName,
    readonly knex: Knex,
    readonly checkpointer: Checkpointer | null,
    log: Logger,
    thresholds: AlertThresholds,
  ) {
    this.watch = new UnusualReadingWatch(knex, registry, thresholds, log);
    this.appender = new ChainAppender(
      knex,
      log,
      (last) => checkpointer?.committed(last),
      registry,
      (records) => this.watch.observe(records),
    );
  }

  static async open(options: {
    registry: RegistryName;
    knex: Knex;
    log: Logger;
    /** Null only where no checkpoints are wanted (tools that never append). */
    checkpoints: { dir: string; signingKey: CryptoKey; everyRecords: number; everySeconds: number } | null;
    /** Unusual-reading thresholds (default: UNUSUAL_READING_THRESHOLDS). */
    alertThresholds?: AlertThresholds;
  }): Promise<AccessLog> {
    const { registry, knex, log, checkpoints } = options;
    const checkpointer = checkpoints ? new Checkpointer({ knex, registry, log, ...checkpoints }) : null;
    await checkpointer?.start();
    const thresholds = options.alertThresholds ?? parseAlertThresholds(process.env.UNUSUAL_READING_THRESHOLDS);
    return new AccessLog(registry, knex, checkpointer, log, thresholds);
  }

  /** The access log configured from the environment: the registry's own key, the checkpoint folder and intervals. */
  static async fromEnvironment(registry: RegistryName, knex: Knex, log: Logger): Promise<AccessLog> {
    const dir = checkpointDir();
    const everyRecords = checkpointEveryRecords();
    const everySeconds = checkpointEverySeconds();
    const accessLog = await AccessLog.open({
      registry,
      knex,
      log,
      checkpoints: { dir, signingKey: await loadRegistrySigningKey(registry), everyRecords, everySeconds },
    });
    log.info({ dir, everyRecords, everySeconds }, 'access log: signed checkpoints of the chain head');
    return accessLog;
  }

  /** A recorder for one request. */
  recorder(caller: Caller): AccessRecorder {
    return new AccessRecorder(this.appender, this.registry, caller);
  }

  /** Waits for the records in flight, then writes a last checkpoint and stops the timer. */
  async close(): Promise<void> {
    await this.appender.idle();
    await this.watch.close();
    await this.checkpointer?.close();
  }
}
