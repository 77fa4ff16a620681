import { readFileSync } from 'node:fs';
import { parse, Kind, type ObjectTypeDefinitionNode } from 'graphql';
import { SUBGRAPHS, SUBGRAPH_NAMES } from '../subgraphs/catalog';
import { composeSupergraph, readRoverConfig, SUPERGRAPH_FILE } from '../scripts/lib/compose';
import { generateResolverTypes, generatedTypesPath } from '../scripts/lib/codegen';
import { permissions as naturalPersonPermissions } from '../subgraphs/natural-person/permissions';
import { permissions as legalPersonPermissions } from '../subgraphs/legal-person/permissions';
import { permissions as certificatePermissions } from '../subgraphs/certificate/permissions';
import { permissions as labourMarketPermissions } from '../subgraphs/labour-market/permissions';
import { permissions as assistancePermissions } from '../subgraphs/assistance/permissions';
import { permissions as dataTrackerPermissions } from '../subgraphs/data-tracker/permissions';
import { permissions as statisticsPermissions } from '../subgraphs/statistics/permissions';

/** Schema-first checks: the committed artefacts follow from the SDL, and every field has a rule. */

describe('composition', () => {
  it('composes rover.yaml without errors into exactly the committed supergraph', () => {
    const fresh = composeSupergraph();
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(fresh);
  });

  it('lists every subgraph in rover.yaml with its routing URL on its default port and its schema file', () => {
    const rover = readRoverConfig();
    expect(rover.federationVersion).toBe(`=${require('@apollo/composition/package.json').version}`);
    expect(rover.subgraphs.map((s) => s.name).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    for (const subgraph of rover.subgraphs) {
      const spec = SUBGRAPHS[subgraph.name as keyof typeof SUBGRAPHS];
      expect(subgraph.routingUrl).toBe(`http://localhost:${spec.port}/graphql`);
      expect(subgraph.schemaFile).toMatch(new RegExp(`schema/${subgraph.name}\\.graphql$`));
    }
  });

  it.each(SUBGRAPH_NAMES)('%s SDL links Federation 2', (name) => {
    const sdl = readFileSync(`schema/${name}.graphql`, 'utf8');
    expect(sdl).toMatch(/^extend schema\s+@link\(\s*url: "https:\/\/specs\.apollo\.dev\/federation\/v2\./);
  });
});

describe('generated resolver types', () => {
  it.each(SUBGRAPH_NAMES)('%s resolver types are current (npm run codegen)', async (name) => {
    expect(readFileSync(generatedTypesPath(name), 'utf8')).toBe(await generateResolverTypes(name));
  });
});

describe('permission trees mirror the SDL', () => {
  const trees = {
    'natural-person': naturalPersonPermissions,
    'legal-person': legalPersonPermissions,
    certificate: certificatePermissions,
    'labour-market': labourMarketPermissions,
    assistance: assistancePermissions,
    'data-tracker': dataTrackerPermissions,
    statistics: statisticsPermissions,
  } as Record<string, Record<string, Record<string, unknown>>>;

  it.each(SUBGRAPH_NAMES)(
    '%s has a rule for every field of every object type, and none for fields that do not exist',
    (name) => {
      const document = parse(readFileSync(`schema/${name}.graphql`, 'utf8'));
      const types = document.definitions.filter(
        (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
      );
      const expected = Object.fromEntries(
        types.map((t) => [t.name.value, (t.fields ?? []).map((f) => f.name.value).sort()]),
      );
      const actual = Object.fromEntries(
        Object.entries(trees[name]).map(([type, fields]) => [type, Object.keys(fields).sort()]),
      );
      expect(actual).toEqual(expected);
    },
  );
});
