/** Starts the natural-person subgraph as its own process (the launcher runs this). */
import { runRegistryProcess } from '../shared/process';
import { entities, migrations, naturalPersonSubgraph } from './subgraph';

void runRegistryProcess('natural-person', { entities, migrations, build: naturalPersonSubgraph });
