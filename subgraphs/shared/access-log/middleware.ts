import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddleware } from 'graphql-middleware';
import { pathKey } from './path';
import type { IRules } from 'graphql-shield';
import { subjectOfPersonalData, subjectsOfRootField, type ArgumentSubjects, type SubjectOf } from '../rules';
import type { RegistryContext } from '../context';
import type { AccessOutcome } from './chain';

/**
 * Builds the graphql-middleware that access-logs personal data. It wraps (runs outside) the
 * permission shield, so it sees every outcome: a value means granted, an UNAUTHENTICATED/FORBIDDEN
 * error means denied, a BAD_USER_INPUT error means rejected. What is logged comes from the same rule
 * tree as the permissions, so a field cannot be guarded as personal without also being logged:
 * - fields guarded by `personalData(...)` rules: each read, against whose data the parent object is;
 * - root fields declared with `recordedAgainst(...)`: every outcome, against the persons the
 *   arguments name, with the identifier used; on Mutation a write attempt.
 */
export function accessLogMiddleware(ruleTree: IRules): IMiddleware {
  const middleware: Record<string, Record<string, any>> = {};
  for (const [typeName, fields] of Object.entries(ruleTree as Record<string, unknown>)) {
    if (typeof fields !== 'object' || fields === null || !isFieldMap(fields)) continue;
    for (const [fieldName, rule] of Object.entries(fields)) {
      const field = `${typeName}.${fieldName}`;
      const root = subjectsOfRootField(rule);
      const subjectOf = subjectOfPersonalData(rule);
      if (root) {
        middleware[typeName] ??= {};
        middleware[typeName][fieldName] = typeName === 'Mutation' ? writeAttempt(field, root) : rootRead(field, root);
      } else if (subjectOf) {
        middleware[typeName] ??= {};
        middleware[typeName][fieldName] = fieldRead(field, subjectOf);
      }
    }
  }
  return middleware;
}

type Resolve = (...a: unknown[]) => unknown;

function fieldRead(field: string, subjectOf: SubjectOf) {
  return async (resolve: Resolve, parent: unknown, args: unknown, ctx: RegistryContext, info: unknown) => {
    const result = await resolve(parent, args, ctx, info);
    const outcome = outcomeOf(result);
    if (outcome !== 'granted' && outcome !== 'denied') return result;
    const subjects = await subjectOf(parent, ctx);
    // The path is worked out only when a rule of this request relied on a consent grant at all.
    const grantId =
      outcome === 'granted' && ctx.access.usedGrants ? ctx.access.grantAt(pathKey(info as GraphQLResolveInfo)) : null;
    ctx.access.note(subjects, field, outcome, 'read', undefined, grantId);
    return result;
  };
}

/** A root Query field naming persons by its arguments: recorded against them whatever the outcome. */
function rootRead(field: string, root: ArgumentSubjects) {
  return async (
    resolve: Resolve,
    parent: unknown,
    args: Record<string, unknown>,
    ctx: RegistryContext,
    info: unknown,
  ) => {
    const result = await settle(() => resolve(parent, args, ctx, info));
    const outcome = outcomeOf(result.value);
    if (outcome !== null) await noteAgainstSubjects(ctx, root, args, field, outcome, 'read');
    return result.unwrap();
  };
}

/**
 * A root Mutation field naming persons by its arguments. A refusal (denied) and bad input
 * (rejected) are recorded here, against the persons the arguments name; a success must have been
 * recorded by the resolver (inside its transaction, or as unchanged), else the response is withheld.
 */
function writeAttempt(field: string, root: ArgumentSubjects) {
  return async (
    resolve: Resolve,
    parent: unknown,
    args: Record<string, unknown>,
    ctx: RegistryContext,
    info: unknown,
  ) => {
    const mark = ctx.access.beginRootWrite(root.identifier(args));
    const result = await settle(() => resolve(parent, args, ctx, info));
    const recorded = ctx.access.endRootWrite(mark);
    const outcome = outcomeOf(result.value);
    if (outcome === 'granted' && !recorded) {
      // A programming error: a write with no record must not be confirmed to the caller. Clients
      // see a generic internal error; the server log says this.
      throw new Error(
        `${field} succeeded without recording its write: call ctx.access.writeWithin (in the transaction) or ctx.access.unchanged`,
      );
    }
    if (outcome === 'denied' || outcome === 'rejected') {
      await noteAgainstSubjects(ctx, root, args, field, outcome, 'write');
    }
    return result.unwrap();
  };
}

async function noteAgainstSubjects(
  ctx: RegistryContext,
  root: ArgumentSubjects,
  args: Record<string, unknown>,
  field: string,
  outcome: AccessOutcome,
  action: 'read' | 'write',
): Promise<void> {
  const identifier = root.identifier(args);
  const subjects = await root.subjects(args, ctx);
  // An identifier that matches no one is still recorded (for auditors), with no subject.
  if (subjects.length > 0) ctx.access.note(subjects, field, outcome, action, identifier);
  else if (identifier !== null) ctx.access.note([null], field, outcome, action, identifier);
}

/** What a resolver's result (or error) means for the access log; null for an internal failure. */
function outcomeOf(result: unknown): AccessOutcome | null {
  if (!(result instanceof Error)) return 'granted';
  const code = (result as { extensions?: { code?: unknown } }).extensions?.code;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return 'denied';
  if (code === 'BAD_USER_INPUT') return 'rejected';
  return null;
}

/** Runs `work`, keeping a thrown error as the value, so it can be inspected and rethrown. */
async function settle(work: () => unknown): Promise<{ value: unknown; unwrap(): unknown }> {
  try {
    const value = await work();
    return { value, unwrap: () => value };
  } catch (error) {
    return {
      value: error,
      unwrap: () => {
        throw error;
      },
    };
  }
}

function isFieldMap(value: object): value is Record<string, unknown> {
  // A shield rule object has a resolve method; a field map is a plain object of rules.
  return !('resolve' in value);
}
