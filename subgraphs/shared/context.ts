import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './identity';
import type { AccessRecorder } from './access-log/recorder';
import type { RequestGraph } from './graph';

/** What every subgraph request knows: the verified caller the gateway asserted. */
export interface SubgraphContext {
  caller: Caller;
}

/**
 * A registry request also has its own EntityManager fork, the request's access recorder, and the
 * graph as this request's caller (delegated calls, see graph.ts).
 */
export interface RegistryContext extends SubgraphContext {
  em: EntityManager;
  access: AccessRecorder;
  graph: RequestGraph;
}

/** A reference to a Person owned by the natural-person registry: only the key. */
export interface PersonRef {
  id: string;
}
