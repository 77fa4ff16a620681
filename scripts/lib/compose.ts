import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, type GraphQLSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../subgraphs/shared/config';

/** A subgraph as rover.yaml lists it. */
export interface RoverSubgraph {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

export const SUPERGRAPH_FILE = join(REPO_ROOT, 'schema', 'supergraph.graphql');

/** Reads rover.yaml, checking it has what Rover needs. */
export function readRoverConfig(): { federationVersion: string; subgraphs: RoverSubgraph[] } {
  const raw = parseYaml(readFileSync(join(REPO_ROOT, 'rover.yaml'), 'utf8')) as {
    federation_version?: unknown;
    subgraphs?: Record<string, { routing_url?: unknown; schema?: { file?: unknown } }>;
  };
  if (typeof raw.federation_version !== 'string') throw new Error('rover.yaml: federation_version is missing');
  const subgraphs = Object.entries(raw.subgraphs ?? {}).map(([name, entry]) => {
    if (typeof entry.routing_url !== 'string') throw new Error(`rover.yaml: subgraph ${name} has no routing_url`);
    if (typeof entry.schema?.file !== 'string') throw new Error(`rover.yaml: subgraph ${name} has no schema.file`);
    return { name, routingUrl: entry.routing_url, schemaFile: join(REPO_ROOT, entry.schema.file) };
  });
  if (subgraphs.length === 0) throw new Error('rover.yaml lists no subgraphs');
  return { federationVersion: raw.federation_version, subgraphs };
}

function compose() {
  const { subgraphs } = readRoverConfig();
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.routingUrl, typeDefs: parse(readFileSync(s.schemaFile, 'utf8')) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result;
}

/** Composes every subgraph in rover.yaml. Throws with every composition error listed. */
export function composeSupergraph(): string {
  return compose().supergraphSdl + '\n';
}

/** The schema clients of the gateway see (the supergraph without federation's own types and directives). */
export function composeApiSchema(): GraphQLSchema {
  return compose().schema.toAPISchema().toGraphQLJSSchema();
}
