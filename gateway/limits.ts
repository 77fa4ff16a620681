import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  GraphQLList,
  getNullableType,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What one request may ask, checked before any subgraph is asked. The shape of a query (depth,
 * aliases, directives, tokens) is checked by GraphQL Armor's rules and graphql-js's parser; what it
 * would cost to answer is estimated by graphql-query-complexity with the estimator below, which
 * weighs each list by how many items it may return, so that no accepted query costs more than
 * `maxCost`. A refused query says which limit and by how much: HTTP 400, GRAPHQL_VALIDATION_FAILED
 * (`extensions.limit`: depth, aliases or directives), GRAPHQL_PARSE_FAILED (tokens), or
 * COST_ESTIMATED_TOO_EXPENSIVE (`extensions.cost` and `budget`).
 */
export interface QueryLimits {
  /** Nesting levels (introspection-only operations are bounded by `introspectionRule` instead). */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` excepted). */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in one document (graphql-js stops parsing past it). */
  maxTokens: number;
  /** The cost budget: see `costEstimator`. */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2000,
  maxCost: 5000,
};

/** How many items a list field without a page size (`first`) is assumed to return. */
export const ASSUMED_LIST_SIZE = 10;
/** The page size assumed for a paged field asked without `first` (the largest page there is). */
export const MAX_PAGE_SIZE = 100;

/**
 * The cost of a field: 1, plus what its selection costs, times how many items it may return.
 * A field with a `first` argument returns `first` items (MAX_PAGE_SIZE without it): its whole
 * selection (`edges { node { ... } }`) counts that many times, and the `edges`/`nodes` list of a
 * `...Connection` type counts once more only as one. Any other list counts ASSUMED_LIST_SIZE items.
 * Introspection fields cost nothing here (they are answered by the gateway alone and bounded by
 * `introspectionRule`). So the cost is an upper bound on the number of values a response can hold.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  let items = 1;
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = args.first;
    items =
      typeof first === 'number' && Number.isFinite(first) ? Math.max(0, Math.min(first, MAX_PAGE_SIZE)) : MAX_PAGE_SIZE;
  } else if (getNullableType(field.type) instanceof GraphQLList) {
    const pageOfConnection = type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes');
    items = pageOfConnection ? 1 : ASSUMED_LIST_SIZE;
  }
  return 1 + items * childComplexity;
};

/** Validation rules for the shape of a query (cached with the document by Apollo Server). */
export function queryShapeRules(limits: QueryLimits): ValidationRule[] {
  const rejectWith =
    (limit: string) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } }));
    };
  const armor = (limit: string) => ({ propagateOnRejection: false, exposeLimits: true, onReject: [rejectWith(limit)] });
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...armor('depth') }),
    maxAliasesRule({ n: limits.maxAliases, ...armor('aliases') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...armor('directives') }),
    introspectionRule,
  ];
}

/**
 * Refuses an operation whose estimated cost is over the budget, with the variables of this request
 * (a page size is usually a variable, so this runs per request, not per document).
 */
export function costLimitPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  const check = costCheck(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          check(schema, document, request.operationName ?? null, request.variables ?? {}, operation?.name?.value);
        },
      };
    },
  };
}

/**
 * The cost check of one request: throws COST_ESTIMATED_TOO_EXPENSIVE when the operation would cost
 * more than the budget with these variables. The product's gateway runs it for every operation
 * (costLimitPlugin); the bench's peer gateways run the same. Variables that do not fit their types
 * pass here: execution reports them as BAD_USER_INPUT.
 */
export function costCheck(limits: QueryLimits): CostCheck {
  // Servers reuse one parsed document per query text. A document's cost depends only on its
  // operation name and on the variables that decide a page size (`first`) or a @skip/@include
  // condition, so it is remembered by those: computed once for a document whose page sizes are
  // written in it, once per page size for the public feed's `first: $first`, whatever its cursor
  // or filter. Costs decided by variables are remembered only within the budget (at most
  // COSTS_PER_DOCUMENT per document), so a request over it, or one whose other variables do not
  // fit their types, is treated exactly as when every cost was computed afresh.
  const documents = new WeakMap<DocumentNode, { deciding: string[]; costs: Map<string, number> }>();
  const stats = { estimates: 0 };
  const check = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null,
    variables: Record<string, unknown>,
    displayName?: string,
  ) => {
    let known = documents.get(document);
    if (!known) {
      known = { deciding: variablesDecidingCost(document), costs: new Map() };
      documents.set(document, known);
    }
    const key = JSON.stringify([
      operationName,
      ...known.deciding.map((name) => (variables[name] === undefined ? { absent: true } : { value: variables[name] })),
    ]);
    let cost = known.costs.get(key);
    if (cost === undefined) {
      try {
        stats.estimates += 1;
        cost = getComplexity({
          schema,
          query: document,
          variables,
          operationName: operationName ?? undefined,
          estimators: [costEstimator],
        });
      } catch (error) {
        if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
          throw tooExpensive(`${describe(displayName)} is too large to estimate`, Infinity, limits.maxCost);
        }
        // Variables that do not fit their types: execution reports them as BAD_USER_INPUT.
        return;
      }
      if (known.deciding.length === 0 || cost <= limits.maxCost) {
        if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
        known.costs.set(key, cost);
      }
    }
    if (cost > limits.maxCost) {
      throw tooExpensive(
        `${describe(displayName)} would cost ${cost.toLocaleString('en')}; the budget is ` +
          `${limits.maxCost.toLocaleString('en')}. Each field costs 1 and a list multiplies what it selects by ` +
          `its page size (first, ${MAX_PAGE_SIZE} when absent) or by ${ASSUMED_LIST_SIZE}: ask for smaller pages ` +
          'or fewer aliases, and page through the rest.',
        cost,
        limits.maxCost,
      );
    }
  };
  return Object.assign(check, { stats });
}

/** Costs remembered per document (one per operation name and deciding variables' values). */
const COSTS_PER_DOCUMENT = 64;

/** Throws COST_ESTIMATED_TOO_EXPENSIVE when the operation would cost more than the budget with these variables. */
export type CostCheck = ((
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  variables: Record<string, unknown>,
  displayName?: string,
) => void) & {
  /** Cost estimates computed so far, as opposed to remembered. */
  readonly stats: { readonly estimates: number };
};

/**
 * The variables that decide a page size (`first: $x`) or a @skip/@include condition (any variable
 * in a directive's arguments) somewhere in the document, sorted: nothing else changes its cost.
 */
function variablesDecidingCost(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      const isDirective = !Array.isArray(owner) && (owner as { kind?: string }).kind === Kind.DIRECTIVE;
      if (argument.name.value !== 'first' && !isDirective) return false;
      visit(argument.value, {
        Variable(variable) {
          names.add(variable.name.value);
        },
      });
      return false;
    },
  });
  return [...names].sort();
}

function describe(name: string | undefined): string {
  return name ? `Operation ${name}` : 'The operation';
}

function tooExpensive(message: string, cost: number, budget: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      limit: 'cost',
      ...(Number.isFinite(cost) ? { cost } : {}),
      budget,
      http: { status: 400 },
    },
  });
}

/** Lists nested as deep as standard introspection queries (types, fields, args) but no deeper. */
const INTROSPECTION_MAX_LISTS = 3;
const INTROSPECTION_MAX_DEPTH = 30;

/** Introspection fields that return lists: what makes nested introspection grow. */
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'args',
  'inputFields',
  'enumValues',
  'interfaces',
  'possibleTypes',
  'directives',
]);

/**
 * Introspection-only operations (answered by the gateway alone) are nested deep by the ofType
 * chains every introspection client sends, so instead of depth they are bounded by how many
 * introspection lists they nest (3, as the explorer's and codegen's queries do) and by 30 levels.
 */
function introspectionRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return {
    OperationDefinition(operation) {
      if (!isIntrospectionOnly(operation.selectionSet)) return;
      const lists = listNesting(operation.selectionSet, fragments, new Set());
      const depth = depthOf(operation.selectionSet, fragments, new Set());
      if (lists > INTROSPECTION_MAX_LISTS || depth > INTROSPECTION_MAX_DEPTH) {
        const name = operation.name ? `operation ${operation.name.value}` : 'the operation';
        context.reportError(
          new GraphQLError(
            `${name} nests ${lists} introspection lists and ${depth} levels; the limits are ` +
              `${INTROSPECTION_MAX_LISTS} and ${INTROSPECTION_MAX_DEPTH}`,
            { nodes: [operation], extensions: { limit: 'depth' } },
          ),
        );
      }
    },
  };
}

/** An operation that asks only __schema, __type and __typename at its root. */
function isIntrospectionOnly(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

function listNesting(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  return deepest(selectionSet, fragments, visiting, (name) => (INTROSPECTION_LISTS.has(name) ? 1 : 0), 0);
}

function depthOf(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  return deepest(selectionSet, fragments, visiting, () => 1, 1);
}

/** The largest sum of `weight` along any path of fields (fragments followed once, cycles ignored). */
function deepest(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
  weight: (fieldName: string) => number,
  base: number,
): number {
  let max = base;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet) continue;
      max = Math.max(
        max,
        base + weight(selection.name.value) + deepest(selection.selectionSet, fragments, visiting, weight, 0),
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, base + deepest(selection.selectionSet, fragments, visiting, weight, 0));
    } else {
      const fragment = fragments.get(selection.name.value);
      // Unknown or cyclic fragments are reported by graphql's own validation.
      if (fragment && !visiting.has(fragment.name.value)) {
        visiting.add(fragment.name.value);
        max = Math.max(max, base + deepest(fragment.selectionSet, fragments, visiting, weight, 0));
        visiting.delete(fragment.name.value);
      }
    }
  }
  return max;
}
