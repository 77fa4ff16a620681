import type { RegistryRequestContext } from '../shared/registry';
import type { StatisticsService } from './service';

/** What statistics resolvers and rules receive. */
export type StatisticsContext = RegistryRequestContext<Record<string, never>> & { statistics: StatisticsService };
