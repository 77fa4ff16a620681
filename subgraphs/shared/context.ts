import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './identity';
import type { AccessRecorder } from './access-log/recorder';

/** What every subgraph request knows: the verified caller the gateway asserted. */
export interface SubgraphContext {
  caller: Caller;
}

/** A registry request also has its own EntityManager fork and the request's access recorder. */
export interface RegistryContext extends SubgraphContext {
  em: EntityManager;
  access: AccessRecorder;
}

/** A reference to a Person owned by the natural-person registry: only the key. */
export interface PersonRef {
  id: string;
}
