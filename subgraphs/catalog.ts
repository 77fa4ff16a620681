/**
 * Every subgraph in the supergraph, in one list that the launcher, the gateway, the data tracker,
 * composition and the tests all read. Adding a registry starts here.
 */
export interface SubgraphSpec {
  /** What users and logs call it. */
  title: string;
  /** Default HTTP port; `<NAME>_PORT` overrides (e.g. NATURAL_PERSON_PORT). */
  port: number;
  /** Default database name on a shared server; null for a subgraph that owns no data. */
  database: string | null;
  /** The department that owns the registry and may read its internal fields. */
  department: 'public-security' | 'market-regulation' | 'data-bureau' | 'hrss' | 'civil-affairs' | 'statistics' | null;
  /** Scope prefix for this registry (`person:read`, `organization:write`, ...). */
  registry: 'person' | 'organization' | 'certificate' | 'labour' | 'assistance' | 'statistics' | null;
}

export const SUBGRAPHS = {
  'natural-person': {
    title: 'Natural-person registry (household registration)',
    port: 4001,
    database: 'gov_natural_person',
    department: 'public-security',
    registry: 'person',
  },
  'legal-person': {
    title: 'Legal-person registry (enterprise registration)',
    port: 4002,
    database: 'gov_legal_person',
    department: 'market-regulation',
    registry: 'organization',
  },
  certificate: {
    title: 'Certificate registry (electronic certificates, service catalogue, submitted materials)',
    port: 4003,
    database: 'gov_certificate',
    department: 'data-bureau',
    registry: 'certificate',
  },
  'labour-market': {
    title: 'Labour-market registry (job postings, job-seekers, employment registration)',
    port: 4004,
    database: 'gov_labour_market',
    department: 'hrss',
    registry: 'labour',
  },
  assistance: {
    title: 'Assistance registry (social assistance applications, public notice, supervision)',
    port: 4005,
    database: 'gov_assistance',
    department: 'civil-affairs',
    registry: 'assistance',
  },
  'data-tracker': {
    title: 'Data tracker: every registry’s access log in one view',
    port: 4006,
    database: null,
    department: null,
    registry: null,
  },
  statistics: {
    title: 'Statistics: figures across registries from pseudonymised extracts, with disclosure control',
    port: 4007,
    database: 'gov_statistics',
    department: 'statistics',
    registry: 'statistics',
  },
} as const satisfies Record<string, SubgraphSpec>;

export type SubgraphName = keyof typeof SUBGRAPHS;

export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

/** Subgraphs that own a database, and therefore keep an access log. */
export type RegistryName = {
  [K in SubgraphName]: (typeof SUBGRAPHS)[K]['database'] extends string ? K : never;
}[SubgraphName];

export const REGISTRY_NAMES = SUBGRAPH_NAMES.filter((name): name is RegistryName => SUBGRAPHS[name].database !== null);

/** `natural-person` -> `NATURAL_PERSON`, the prefix of that subgraph's environment variables. */
export function envPrefix(name: SubgraphName): string {
  return name.toUpperCase().replace(/-/g, '_');
}
