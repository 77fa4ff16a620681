import type { SubgraphContext } from '../shared/context';
import type { RegistryAccessLogs } from './registry-client';

/** What data-tracker resolvers and rules receive. */
export interface DataTrackerContext extends SubgraphContext {
  accessLogs: RegistryAccessLogs;
}
