import type { RegistryRequestContext } from '../shared/registry';
import type { LabourMarketLoaders } from './loaders';

/** What labour-market resolvers and rules receive. */
export type LabourMarketContext = RegistryRequestContext<LabourMarketLoaders> & LabourMarketRequestExtras;

export interface LabourMarketRequestExtras {
  /**
   * Credit codes of the organizations the calling citizen is legal representative of, asked once
   * per request from the legal-person registry on their behalf (a delegated call), when needed.
   */
  representedOrganizations(): Promise<ReadonlySet<string>>;
}
