import type { RegistryRequestContext } from '../shared/registry';
import type { NaturalPersonLoaders } from './loaders';

/** What natural-person resolvers and rules receive. */
export type NaturalPersonContext = RegistryRequestContext<NaturalPersonLoaders>;
