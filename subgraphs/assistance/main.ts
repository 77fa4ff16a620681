/** Starts the assistance subgraph as its own process (the launcher runs this). */
import { runRegistryProcess } from '../shared/process';
import { assistanceSubgraph, entities, migrations } from './subgraph';

void runRegistryProcess('assistance', { entities, migrations, build: assistanceSubgraph });
