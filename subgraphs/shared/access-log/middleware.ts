import type { IMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import { subjectOfPersonalData } from '../rules';
import type { RegistryContext } from '../context';

/**
 * Builds the graphql-middleware that access-logs personal data. It wraps (runs outside) the
 * permission shield, so it sees both outcomes: a value means the read was granted, an
 * UNAUTHENTICATED/FORBIDDEN error means it was refused. Fields come from the same rule tree as
 * the permissions, so a field cannot be guarded as personal without also being logged.
 */
export function accessLogMiddleware(ruleTree: IRules): IMiddleware {
  const middleware: Record<string, Record<string, any>> = {};
  for (const [typeName, fields] of Object.entries(ruleTree as Record<string, unknown>)) {
    if (typeof fields !== 'object' || fields === null || !isFieldMap(fields)) continue;
    for (const [fieldName, rule] of Object.entries(fields)) {
      const subjectOf = subjectOfPersonalData(rule);
      if (!subjectOf) continue;
      const field = `${typeName}.${fieldName}`;
      middleware[typeName] ??= {};
      middleware[typeName][fieldName] = async (
        resolve: (...a: unknown[]) => unknown,
        parent: unknown,
        args: unknown,
        ctx: RegistryContext,
        info: unknown,
      ) => {
        const result = await resolve(parent, args, ctx, info);
        const refused = result instanceof Error && isRefusal(result);
        if (result instanceof Error && !refused) return result;
        const subjects = await subjectOf(parent, ctx);
        ctx.access.note(subjects, field, refused ? 'denied' : 'granted');
        return result;
      };
    }
  }
  return middleware;
}

function isFieldMap(value: object): value is Record<string, unknown> {
  // A shield rule object has a resolve method; a field map is a plain object of rules.
  return !('resolve' in value);
}

function isRefusal(error: Error): boolean {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
}
