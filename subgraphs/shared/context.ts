import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './identity';
import type { AccessRecorder } from './access-log/recorder';
import type { RequestGraph } from './graph';
import type { ConsentCheck } from './consent/grants';

/** What every subgraph request knows: the verified caller the gateway asserted. */
export interface SubgraphContext {
  caller: Caller;
}

/**
 * A registry request also has its own EntityManager fork, the request's access recorder, the
 * graph as this request's caller (delegated calls, see graph.ts), and the consent grants the
 * caller may use (consent/grants.ts).
 */
export interface RegistryContext extends SubgraphContext {
  em: EntityManager;
  access: AccessRecorder;
  graph: RequestGraph;
  consent: ConsentCheck;
}

/** A reference to a Person owned by the natural-person registry: only the key. */
export interface PersonRef {
  id: string;
}
