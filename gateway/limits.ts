import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Query limits, checked before any subgraph is asked: how deep a query may nest and how many
 * fields (aliases included) it may select in all. Keeps one request from fanning out without bound.
 * A refused query is a validation error (GRAPHQL_VALIDATION_FAILED, HTTP 400) naming the limit.
 */
export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxFields: 1000 };

export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const measured = measure(operation.selectionSet, fragments, 1, new Set(), limits.maxFields);
        const name = operation.name ? `operation ${operation.name.value}` : 'the operation';
        if (isIntrospectionOnly(operation.selectionSet)) {
          // Answered by the gateway alone (no subgraph is asked), and nested deep by the ofType
          // chains every introspection client sends: bounded by how many lists it nests instead.
          const lists = listNesting(operation.selectionSet, fragments, new Set());
          if (lists > INTROSPECTION_MAX_LISTS || measured.depth > INTROSPECTION_MAX_DEPTH) {
            context.reportError(
              new GraphQLError(
                `${name} nests ${lists} introspection lists and ${measured.depth} levels; the limits are ` +
                  `${INTROSPECTION_MAX_LISTS} and ${INTROSPECTION_MAX_DEPTH}`,
                { nodes: [operation] },
              ),
            );
          }
        } else if (measured.depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`${name} nests ${measured.depth} levels deep; the limit is ${limits.maxDepth}`, {
              nodes: [operation],
            }),
          );
        }
        if (measured.fields > limits.maxFields) {
          context.reportError(
            new GraphQLError(`${name} selects ${measured.fields} fields; the limit is ${limits.maxFields}`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
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
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet) continue;
      const own = INTROSPECTION_LISTS.has(selection.name.value) ? 1 : 0;
      deepest = Math.max(deepest, own + listNesting(selection.selectionSet, fragments, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, listNesting(selection.selectionSet, fragments, visiting));
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !visiting.has(fragment.name.value)) {
        visiting.add(fragment.name.value);
        deepest = Math.max(deepest, listNesting(fragment.selectionSet, fragments, visiting));
        visiting.delete(fragment.name.value);
      }
    }
  }
  return deepest;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  visiting: Set<string>,
  budget: number,
): { depth: number; fields: number } {
  let deepest = depth;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    // Past the budget the answer is already "too many"; stop, so fragment bombs cost nothing.
    if (fields > budget) break;
    let child: { depth: number; fields: number } | null = null;
    if (selection.kind === Kind.FIELD) {
      fields += 1;
      if (selection.selectionSet)
        child = measure(selection.selectionSet, fragments, depth + 1, visiting, budget - fields);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      child = measure(selection.selectionSet, fragments, depth, visiting, budget - fields);
    } else {
      const fragment = fragments.get(selection.name.value);
      // Unknown or cyclic fragments are reported by graphql's own validation.
      if (fragment && !visiting.has(fragment.name.value)) {
        visiting.add(fragment.name.value);
        child = measure(fragment.selectionSet, fragments, depth, visiting, budget - fields);
        visiting.delete(fragment.name.value);
      }
    }
    if (child) {
      deepest = Math.max(deepest, child.depth);
      fields += child.fields;
    }
  }
  return { depth: deepest, fields };
}
