/** Starts the statistics subgraph as its own process (the launcher runs this). */
import { runRegistryProcess } from '../shared/process';
import { entities, migrations, statisticsSubgraph } from './subgraph';

void runRegistryProcess('statistics', { entities, migrations, build: statisticsSubgraph });
