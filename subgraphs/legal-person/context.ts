import type { RegistryRequestContext } from '../shared/registry';
import type { LegalPersonLoaders } from './loaders';

/** What legal-person resolvers and rules receive. */
export type LegalPersonContext = RegistryRequestContext<LegalPersonLoaders>;
