/** Starts the legal-person subgraph as its own process (the launcher runs this). */
import { runRegistryProcess } from '../shared/process';
import { entities, legalPersonSubgraph, migrations } from './subgraph';

void runRegistryProcess('legal-person', { entities, migrations, build: legalPersonSubgraph });
