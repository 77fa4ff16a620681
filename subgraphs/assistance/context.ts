import type { WorkingCalendar } from '../shared/calendar';
import type { RegistryRequestContext } from '../shared/registry';
import type { AssistanceLoaders } from './loaders';

/** What assistance resolvers and rules receive. */
export type AssistanceContext = RegistryRequestContext<AssistanceLoaders> & AssistanceRequestExtras;

export interface AssistanceRequestExtras {
  calendar: WorkingCalendar;
  /** Working days before the deadline at which an open case turns yellow (SUPERVISION_YELLOW_DAYS, default 2). */
  yellowDays: number;
  /** Tells the outbox worker an instruction was committed. */
  nudgeOutbox(): void;
}
