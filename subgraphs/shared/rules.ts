import type { GraphQLResolveInfo } from 'graphql';
import { allow, and, or, rule } from 'graphql-shield';
import { forbidden, unauthenticated } from './errors';
import type { Department, Scope, ScopeRegistry } from './identity';
import type { RegistryContext, SubgraphContext } from './context';
import { pathKey } from './access-log/path';
import { coordinatesOf } from './consent/fields';

/**
 * The small named rules every subgraph's permissions.ts is built from. Each rule returns true, or
 * an error that says what would grant access; a caller without a token gets UNAUTHENTICATED,
 * a caller whose token does not suffice gets FORBIDDEN.
 *
 * Rules are 'no_cache': shield's 'contextual' cache is keyed by rule name only, and 'strict'
 * hashes the parent object; these checks are cheap, so nothing is cached and nothing can leak.
 */

const NO_CACHE = { cache: 'no_cache' } as const;

/** Any shield rule (simple or logic). */
export type ShieldRule = Parameters<typeof or>[number];

function fieldName(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

/** The error for a refused field: UNAUTHENTICATED without a token, FORBIDDEN with one. */
export function refusal(ctx: SubgraphContext, info: GraphQLResolveInfo, requirement: string) {
  const field = fieldName(info);
  return ctx.caller.identity
    ? forbidden(`${field} ${requirement}`)
    : unauthenticated(`${field} ${requirement}; send a bearer token`);
}

export const isAuthenticated = rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) =>
  ctx.caller.identity ? true : refusal(ctx, info, 'requires signing in'),
);

export const isCitizen = rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) =>
  ctx.caller.identity?.role === 'citizen' ? true : refusal(ctx, info, 'is for citizens only'),
);

export const isOfficer = rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) =>
  ctx.caller.identity?.role === 'officer' ? true : refusal(ctx, info, 'is for officers only'),
);

export const isAuditor = rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) =>
  ctx.caller.identity?.role === 'auditor' ? true : refusal(ctx, info, 'is for auditors only'),
);

/** Whether `scopes` grant `scope`: `<registry>:read:sensitive` includes `<registry>:read`. */
export function grants(scopes: readonly Scope[], scope: Scope): boolean {
  return scopes.includes(scope) || (scope.endsWith(':read') && scopes.includes(`${scope}:sensitive` as Scope));
}

/** An officer whose token carries `scope` (or a scope that includes it). */
export function hasScope(scope: Scope) {
  return rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) => {
    const identity = ctx.caller.identity;
    return identity?.role === 'officer' && grants(identity.scopes, scope)
      ? true
      : refusal(ctx, info, `requires an officer token with scope ${scope}`);
  });
}

/** The request names the case or application it serves (X-Purpose). */
export const hasPurpose = rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) =>
  ctx.caller.purpose
    ? true
    : refusal(ctx, info, 'is sensitive: send an X-Purpose header naming the case or application'),
);

/** An officer of `department`. */
export function isOfficerOf(department: Department) {
  return rule(NO_CACHE)((_parent, _args, ctx: SubgraphContext, info) => {
    const identity = ctx.caller.identity;
    return identity?.role === 'officer' && identity.dept === department
      ? true
      : refusal(ctx, info, `is internal to ${department}: requires an officer of that department`);
  });
}

/** Which persons a parent object's data is about (the record's own person, a household's members...). */
export type SubjectOf<Parent = any, Context = any> = (
  parent: Parent,
  ctx: Context,
) => readonly string[] | Promise<readonly string[]>;

/**
 * The caller is a citizen and one of the persons the parent is about. Returns false rather than an
 * error, so that `or(isSubject, ...)` reports what the other branch requires.
 */
export function isSubject<Parent, Context extends SubgraphContext>(subjectOf: SubjectOf<Parent, Context>) {
  const ofSubject = async (parent: Parent, ctx: Context, sub: string) => {
    try {
      return (await subjectOf(parent, ctx)).includes(sub);
    } catch (error) {
      // Shield turns a thrown error into a plain denial, hiding an outage; return it instead.
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  // Anyone but a citizen is answered at once (no promise: see evaluate).
  return rule(NO_CACHE)((parent: Parent, _args, ctx: Context) => {
    const identity = ctx.caller.identity;
    return identity?.role === 'citizen' ? ofSubject(parent, ctx, identity.sub) : false;
  });
}

/** Rules tagged as guarding personal data, with whose data it is: read by the access-log middleware. */
const personalDataRules = new WeakMap<object, SubjectOf>();

export function subjectOfPersonalData(rule: unknown): SubjectOf | undefined {
  return typeof rule === 'object' && rule !== null ? personalDataRules.get(rule) : undefined;
}

function personal<Parent>(guard: ShieldRule, subjectOf: SubjectOf<Parent>): ShieldRule {
  personalDataRules.set(guard, subjectOf);
  return guard;
}

/**
 * Tags a rule written for one registry's own policy (e.g. a certificate, whose rule depends on
 * whether a person or an organization holds it) as guarding personal data about
 * `subjectOf(parent)`, so that every read it guards is access-logged like the classes below.
 * Give each field its own rule object: the tag belongs to the object.
 */
export function personalDataRule<Parent>(guard: ShieldRule, subjectOf: SubjectOf<Parent>): ShieldRule {
  return personal(guard, subjectOf);
}

/**
 * Which grant coordinates (consent/fields.ts) allow a field: by default the field's own
 * (`Person.household`, and `Person.certificates(type: X)` when read with `type: X`); a type reached
 * only through another field (a Household through `Person.household`) names that field.
 */
export type GrantedAs<Parent = any> = (
  parent: Parent,
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
) => string[];

const ownCoordinates: GrantedAs = (_parent, args, info) => coordinatesOf(fieldName(info), args);

/**
 * An officer without `scope` who holds the citizen's consent grant for this field of one of the
 * persons the parent is about, for the request's purpose (X-Purpose equals the grant's purpose),
 * valid now. The grant is noted so the read is access-logged with its id. Returns false (not an
 * error) when there is none, so `or(...)` reports what the scope branch requires.
 */
export function holdsGrant<Parent>(
  scope: Scope,
  subjectOf: SubjectOf<Parent>,
  grantedAs: GrantedAs<Parent> = ownCoordinates,
) {
  return rule(NO_CACHE)(async (parent: Parent, args: Record<string, unknown>, ctx: RegistryContext, info) => {
    const identity = ctx.caller.identity;
    // An officer whose scope suffices reads by the scope, not by a grant.
    if (!ctx.consent?.applies || !identity || grants(identity.scopes, scope)) return false;
    try {
      const grant = await ctx.consent.grantFor(await subjectOf(parent, ctx), grantedAs(parent, args, info));
      if (grant === null) return false;
      ctx.access.allowedByGrant(pathKey(info), grant);
      return true;
    } catch (error) {
      // An outage, not a denial.
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

/**
 * An officer without `scope` who holds a consent grant (for the request's purpose, valid now) of a
 * person a root field's arguments name: of one of `coordinates` (a household by number needs
 * `Person.household`), or of any field when none are given (finding a person by id, whose fields
 * then keep their own rules, so only the granted ones resolve).
 */
export function holdsGrantForArgument(
  scope: Scope,
  subjects: ArgumentSubjects<RegistryContext>,
  coordinates?: readonly string[],
) {
  return rule(NO_CACHE)(async (_parent, args: Record<string, unknown>, ctx: RegistryContext) => {
    const identity = ctx.caller.identity;
    if (!ctx.consent?.applies || !identity || grants(identity.scopes, scope)) return false;
    try {
      const persons = await subjects.subjects(args, ctx);
      const grant = coordinates
        ? await ctx.consent.grantFor(persons, coordinates)
        : await ctx.consent.anyGrant(persons);
      return grant !== null;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

/** What a rule gives: true (granted), false, or the error that says why not. */
type Verdict = boolean | Error;
type Resolve = ShieldRule['resolve'];
type ShieldOptions = Parameters<Resolve>[4];

const RuleClass = rule()(() => true).constructor;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** What shield's Rule.resolve makes of a rule function's result. */
function verdictOf(result: unknown): Verdict {
  if (result instanceof Error) return result;
  if (typeof result === 'string') return new Error(result);
  return result === true;
}

/**
 * A rule's verdict as shield's own `resolve` gives it, without its promises where the rule is a
 * plain uncached rule whose function answers at once (hasScope, hasPurpose, isOfficer...): the
 * rule function is called directly and its answer read the same way (an Error or a message
 * refuses, true grants, anything else is false, a throw is false). Every other rule goes through
 * its own `resolve`. On an officer's lookup every personal field ran some ten promises through
 * shield's async wrappers, each through the AsyncLocalStorage hooks.
 */
function evaluate(
  member: ShieldRule,
  parent: Parameters<Resolve>[0],
  args: Parameters<Resolve>[1],
  ctx: Parameters<Resolve>[2],
  info: Parameters<Resolve>[3],
  options: ShieldOptions,
): Verdict | Promise<Verdict> {
  const plain = member as unknown as { cache?: unknown; func?: (...a: unknown[]) => unknown };
  if (member.constructor === RuleClass && plain.cache === 'no_cache' && typeof plain.func === 'function') {
    try {
      const result = plain.func(parent, args, ctx, info);
      return isThenable(result)
        ? Promise.resolve(result).then(verdictOf, (error: unknown) => verdictOfThrow(error, options))
        : verdictOf(result);
    } catch (error) {
      return verdictOfThrow(error, options);
    }
  }
  return member.resolve(parent, args, ctx, info, options) as Verdict | Promise<Verdict>;
}

/**
 * What shield's Rule.resolve makes of a rule function that throws. (The helpers here are
 * module-level functions, not closures made per call: under tsx every named closure is given its
 * name by an Object.defineProperty at creation, which was about 1% of natural-person's CPU.)
 */
function verdictOfThrow(error: unknown, options: ShieldOptions): Verdict {
  if (options.debug) throw error;
  return false;
}

/**
 * shield's `or`, with the same answer, evaluated in order and stopping at the first rule that
 * grants: a citizen reading their own record (isSubject first) no longer has every officer rule
 * build the refusal it would give (a GraphQLError with its stack, thrown away: 3-4% of the
 * natural-person subgraph's CPU in the bench's profile). When none grants, every rule has run and
 * the first error in order is the answer, as `or` gives it. Answers without a promise when its
 * rules do (see evaluate).
 */
export function firstOf(...rules: ShieldRule[]): ShieldRule {
  const logic = or(...rules);
  logic.resolve = ((parent, args, ctx, info, options) =>
    firstGranted(logic.getRules(), 0, [], parent, args, ctx, info, options)) as Resolve;
  return logic;
}

/** firstOf's verdict from its rule `start` on, `refused` holding the verdicts of those before. */
function firstGranted(
  members: ShieldRule[],
  start: number,
  refused: Verdict[],
  parent: Parameters<Resolve>[0],
  args: Parameters<Resolve>[1],
  ctx: Parameters<Resolve>[2],
  info: Parameters<Resolve>[3],
  options: ShieldOptions,
): Verdict | Promise<Verdict> {
  for (let i = start; i < members.length; i += 1) {
    const verdict = evaluate(members[i], parent, args, ctx, info, options);
    if (isThenable(verdict)) {
      return verdict.then((result) => {
        if (result === true) return true;
        refused.push(result);
        return firstGranted(members, i + 1, refused, parent, args, ctx, info, options);
      });
    }
    if (verdict === true) return true;
    refused.push(verdict);
  }
  return refused.find((result) => result instanceof Error) ?? false;
}

/**
 * shield's `and`, with the same answer and the same rules run: every rule, in order (so a rule
 * that notes something, like holdsGrant, runs as it would), true when all grant, else the first
 * error in order, else false. Answers without a promise when its rules do (see evaluate).
 */
export function allOf(...rules: ShieldRule[]): ShieldRule {
  const logic = and(...rules);
  logic.resolve = ((parent, args, ctx, info, options) => {
    const verdicts = logic.getRules().map((member) => evaluate(member, parent, args, ctx, info, options));
    return verdicts.some(isThenable) ? Promise.all(verdicts).then(allGranted) : allGranted(verdicts as Verdict[]);
  }) as Resolve;
  return logic;
}

/** allOf's verdict from every rule's: true when all grant, else the first error in order, else false. */
function allGranted(results: Verdict[]): Verdict {
  return results.every((result) => result === true)
    ? true
    : (results.find((result) => result instanceof Error) ?? false);
}

/**
 * The personal-data classes of DESIGN.md's policy for one registry's scope:
 * - basic: the person themself, or an officer with `<registry>:read`;
 * - sensitive: the person themself, or an officer with `<registry>:read:sensitive` and a purpose.
 * Both also allow an officer holding the person's consent grant for the field (holdsGrant).
 * Every field guarded by these is access-logged (granted or denied) against `subjectOf(parent)`,
 * reads under a grant with the grant's id.
 */
export function personalData(registry: ScopeRegistry) {
  return {
    basic: <Parent>(subjectOf: SubjectOf<Parent>, grantedAs?: GrantedAs<Parent>) =>
      personal(
        firstOf(
          isSubject(subjectOf),
          hasScope(`${registry}:read`),
          holdsGrant(`${registry}:read`, subjectOf, grantedAs),
        ),
        subjectOf,
      ),
    sensitive: <Parent>(subjectOf: SubjectOf<Parent>, grantedAs?: GrantedAs<Parent>) =>
      personal(
        firstOf(
          isSubject(subjectOf),
          allOf(hasScope(`${registry}:read:sensitive`), hasPurpose),
          holdsGrant(`${registry}:read:sensitive`, subjectOf, grantedAs),
        ),
        subjectOf,
      ),
  };
}

/**
 * Department-internal data: officers of the owning department who also hold the registry's read
 * scope, so no path (a nested field, `_entities`) reaches it with less than `<registry>:read`.
 */
export function departmentInternal(department: Department, registry: ScopeRegistry): ShieldRule {
  return and(isOfficerOf(department), hasScope(`${registry}:read`));
}

/** Department-internal data about a person, access-logged against `subjectOf(parent)` like personal data. */
export function internalPersonalData<Parent>(
  department: Department,
  registry: ScopeRegistry,
  subjectOf: SubjectOf<Parent>,
): ShieldRule {
  return personal(departmentInternal(department, registry), subjectOf);
}

/**
 * Whose data a root field's arguments point at: the identifier the caller used (as
 * `argument=value`, stored with the record) and the persons it resolves to (none when it matches no one).
 */
export interface ArgumentSubjects<Context = any> {
  identifier(args: Record<string, unknown>): string | null;
  subjects(args: Record<string, unknown>, ctx: Context): readonly string[] | Promise<readonly string[]>;
}

/** Root fields whose outcome is access-logged against the persons their arguments name. */
const rootFieldSubjects = new WeakMap<object, ArgumentSubjects>();

export function subjectsOfRootField(rule: unknown): ArgumentSubjects | undefined {
  return typeof rule === 'object' && rule !== null ? rootFieldSubjects.get(rule) : undefined;
}

/**
 * A root field whose arguments name persons' data (a person by ID number, a household by number, a
 * registration for an ID number): every outcome is access-logged against them with the identifier
 * used: granted, refused by `guard` (denied), or refused as bad input (rejected). On Query it is a
 * read; on Mutation a write attempt, whose resolver records the write itself (see AccessRecorder).
 *
 *   personByIdNumber: recordedAgainst(byArgument('idNumber', personWithIdNumber), sensitiveWithPurpose),
 */
export function recordedAgainst<Context>(subjects: ArgumentSubjects<Context>, guard: ShieldRule): ShieldRule {
  // A fresh rule object, so one guard shared by several fields carries each field's own subjects.
  const tagged = allOf(guard);
  rootFieldSubjects.set(tagged, subjects);
  return tagged;
}

/**
 * Subjects named by one argument (a dotted path: `idNumber`, `input.legalRepresentativeId`),
 * resolved to person ids by `resolve`, which gets the raw value and returns [] when it matches no one
 * (and for a malformed value: the attempt is still recorded, with the identifier, for auditors).
 */
export function byArgument<Context>(
  path: string,
  resolve: (value: string, ctx: Context) => readonly string[] | Promise<readonly string[]>,
): ArgumentSubjects<Context> {
  const valueOf = (args: Record<string, unknown>): string | null => {
    let value: unknown = args;
    for (const key of path.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key];
    return typeof value === 'string' ? value : null;
  };
  return {
    identifier: (args) => {
      const value = valueOf(args);
      return value === null ? null : `${path}=${value}`;
    },
    subjects: (args, ctx) => {
      const value = valueOf(args);
      return value === null ? [] : resolve(value, ctx);
    },
  };
}

/** The signed-in citizen's own data (`me`, `updateMyContact`): no identifier; nobody for other callers. */
export const theCallerThemself: ArgumentSubjects<SubgraphContext> = {
  identifier: () => null,
  subjects: (_args, ctx) => (ctx.caller.identity?.role === 'citizen' ? [ctx.caller.identity.sub] : []),
};

/** The caller is a citizen asking about themself by the argument `argument` (e.g. person(id:)). */
export function isSelfArgument(argument: string) {
  return rule(NO_CACHE)((_parent, args: Record<string, unknown>, ctx: SubgraphContext) => {
    const identity = ctx.caller.identity;
    return identity?.role === 'citizen' && args[argument] === identity.sub;
  });
}

/** Public data: anyone, with or without a token. */
export const isPublic = allow;

/** What the gateway needs from every subgraph; data stays guarded by the rules on entity types. */
export const federationRules = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};

/**
 * A registry calling `operationName` as itself (service-calls.ts): the gateway asserted role
 * `service`, that registry as subject and the declared operation, and (`via`) the registry that
 * relays it when the receiving registry checks something elsewhere on the service's behalf.
 * False otherwise, so `or(userRule, isServiceOperation(...))` reports what the user rule requires.
 */
export function isServiceOperation(
  registry: string,
  operationName: string,
  options: { via?: string; when?: (args: Record<string, unknown>) => boolean } = {},
) {
  return rule(NO_CACHE)((_parent, args: Record<string, unknown>, ctx: SubgraphContext) => {
    const { identity, via } = ctx.caller;
    return (
      identity?.role === 'service' &&
      identity.sub === registry &&
      ctx.caller.operationName === operationName &&
      via === (options.via ?? null) &&
      (options.when?.(args) ?? true)
    );
  });
}
