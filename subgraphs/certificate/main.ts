/** Starts the certificate subgraph as its own process (the launcher runs this). */
import { runRegistryProcess } from '../shared/process';
import { certificateSubgraph, entities, migrations } from './subgraph';

void runRegistryProcess('certificate', { entities, migrations, build: certificateSubgraph });
