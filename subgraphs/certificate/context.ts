import type { RegistrySigner } from '../shared/keys';
import type { RegistryRequestContext } from '../shared/registry';
import type { CertificateLoaders } from './loaders';

/** What certificate resolvers and rules receive. */
export type CertificateContext = RegistryRequestContext<CertificateLoaders> & CertificateRequestExtras;

export interface CertificateRequestExtras {
  /** The registry's own key, with which signed forms are signed. */
  signer: RegistrySigner;
  /**
   * Credit codes of the organizations the calling citizen is legal representative of, asked once
   * per request from the legal-person registry on their behalf (a delegated call), when a rule needs it.
   */
  representedOrganizations(): Promise<ReadonlySet<string>>;
}
