/** Starts the labour-market subgraph as its own process (the launcher runs this). */
import { runRegistryProcess } from '../shared/process';
import { entities, labourMarketSubgraph, migrations } from './subgraph';

void runRegistryProcess('labour-market', { entities, migrations, build: labourMarketSubgraph });
