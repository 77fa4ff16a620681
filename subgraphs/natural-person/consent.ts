import { LockMode } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { GRANTABLE_FIELDS, grantableField } from '../shared/consent/fields';
import { badUserInput } from '../shared/errors';
import { graphQuery } from '../shared/graph';
import { purposeProblem } from '../shared/identity';
import { isInstant, uuid } from '../shared/validation';
import type { NaturalPersonContext } from './context';
import {
  ConsentGrantSchema,
  ConsentRequestSchema,
  type ConsentGrant,
  type ConsentRequest,
} from './entities/consent.entity';
import { ConsentRepository } from './entities/consent.repository';
import type { AnswerConsentRequestInput, RequestConsentInput } from './generated/graphql';
import { createOnce } from '../shared/create-once';

/**
 * Consent requests and grants: an officer asks a person's consent to read named fields for a
 * purpose; the person previews the exact values, then approves some or all (a grant) or declines,
 * and may revoke a grant. The grants are read by every registry's permission rules
 * (shared/consent/grants.ts); this registry owns them because the subject is a person.
 */

const MAX_FIELDS = 20;
const MAX_VALIDITY_DAYS = 366;

/** What the access log records for consent writes about the person. */
const REQUEST_FIELDS = ['ConsentRequest.*'];
const ANSWER_FIELDS = ['ConsentRequest.status'];
const GRANT_FIELDS = ['ConsentGrant.*'];

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function checkFields(argument: string, fields: readonly string[], allowed: (field: string) => boolean, rule: string) {
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field)) throw badUserInput(argument, 'unique', `${argument} names ${field} twice`);
    seen.add(field);
    if (!allowed(field)) {
      throw badUserInput(
        argument,
        rule,
        `${argument}: ${JSON.stringify(field)} ${rule === 'grantable' ? `is not a grantable field; grantableFields lists them (e.g. ${GRANTABLE_FIELDS[8].field})` : 'was not requested'}`,
      );
    }
  }
  return [...seen];
}

export async function requestConsent(input: RequestConsentInput, ctx: NaturalPersonContext): Promise<ConsentRequest> {
  const identity = ctx.caller.identity!;
  const personId = uuid('input.personId', input.personId);
  if (input.fields.length === 0 || input.fields.length > MAX_FIELDS) {
    throw badUserInput(
      'input.fields',
      'count',
      `input.fields must name 1 to ${MAX_FIELDS} fields, got ${input.fields.length}`,
    );
  }
  const fields = checkFields('input.fields', input.fields, (f) => grantableField(f) !== undefined, 'grantable');
  const problem = purposeProblem(input.purpose);
  if (problem) throw badUserInput('input.purpose', 'purpose', problem.replace('X-Purpose', 'input.purpose'));
  if (!isInstant(input.validUntil)) {
    throw badUserInput('input.validUntil', 'instant', 'input.validUntil must be an ISO 8601 instant');
  }
  const validUntil = new Date(input.validUntil);
  const now = Date.now();
  if (validUntil.getTime() <= now || validUntil.getTime() > now + MAX_VALIDITY_DAYS * 86_400_000) {
    throw badUserInput(
      'input.validUntil',
      'range',
      `input.validUntil ${input.validUntil} must be in the future and at most ${MAX_VALIDITY_DAYS} days ahead`,
    );
  }
  if (!(await ctx.loaders.person.load(personId))) {
    throw badUserInput('input.personId', 'exists', `input.personId ${personId} is not a registered person`);
  }
  const department = identity.dept!;
  return createOnce(ctx.em, {
    find: async (em) => {
      const [pending] = await new ConsentRepository(em).pendingRequest(personId, department, input.purpose);
      if (!pending) return null;
      if (!sameSet(pending.fields, fields) || pending.validUntil.getTime() !== validUntil.getTime()) {
        throw badUserInput(
          'input.purpose',
          'pending',
          `${department} already asked this person's consent for purpose ${JSON.stringify(input.purpose)} ` +
            `(request ${pending.id}, other fields or validity) and it is not answered yet: wait for the answer or name another purpose`,
        );
      }
      ctx.access.unchanged({ subjectId: personId, fields: REQUEST_FIELDS });
      return pending;
    },
    create: async (em) => {
      const request = em.create(ConsentRequestSchema, {
        personId,
        department,
        requestedBy: identity.sub,
        purpose: input.purpose,
        fields,
        validUntil,
        status: 'PENDING',
        answeredAt: null,
      });
      await em.flush();
      await ctx.access.writeWithin(em, [{ subjectId: personId, fields: REQUEST_FIELDS }]);
      return request;
    },
  });
}

export async function answerConsentRequest(
  input: AnswerConsentRequestInput,
  ctx: NaturalPersonContext,
): Promise<ConsentRequest> {
  const self = ctx.caller.identity!.sub;
  const id = uuid('input.requestId', input.requestId);
  return ctx.em.transactional(async (em) => {
    const request = await em.findOne(ConsentRequestSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request || request.personId !== self) {
      throw badUserInput('input.requestId', 'exists', `input.requestId ${id} is not one of your consent requests`);
    }
    const approve = checkFields('input.approve', input.approve, (f) => request.fields.includes(f), 'requested');
    if (request.status !== 'PENDING') {
      const [grant] = await new ConsentRepository(em).grantsOfRequests([request.id]);
      const same = approve.length === 0 ? request.status === 'DECLINED' : !!grant && sameSet(grant.fields, approve);
      if (!same) {
        throw badUserInput(
          'input.requestId',
          'answered',
          `consent request ${id} was already answered (${request.status}) on ${request.answeredAt?.toISOString()}; ` +
            'revoke its grant instead',
        );
      }
      ctx.access.unchanged({ subjectId: self, fields: ANSWER_FIELDS });
      return request;
    }
    if (approve.length > 0 && request.validUntil.getTime() <= Date.now()) {
      throw badUserInput(
        'input.approve',
        'expired',
        `consent request ${id} asked for consent until ${request.validUntil.toISOString()}, which has passed: it can only be declined`,
      );
    }
    request.status = approve.length > 0 ? 'APPROVED' : 'DECLINED';
    request.answeredAt = new Date();
    if (approve.length > 0) {
      em.create(ConsentGrantSchema, {
        requestId: request.id,
        personId: self,
        department: request.department,
        purpose: request.purpose,
        fields: approve,
        validUntil: request.validUntil,
        revokedAt: null,
      });
    }
    await em.flush();
    await ctx.access.writeWithin(em, [
      { subjectId: self, fields: approve.length > 0 ? [...ANSWER_FIELDS, ...GRANT_FIELDS] : ANSWER_FIELDS },
    ]);
    return request;
  });
}

export async function revokeConsentGrant(rawId: string, ctx: NaturalPersonContext): Promise<ConsentGrant> {
  const self = ctx.caller.identity!.sub;
  const id = uuid('id', rawId);
  return ctx.em.transactional(async (em) => {
    const grant = await em.findOne(ConsentGrantSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!grant || grant.personId !== self) {
      throw badUserInput('id', 'exists', `id ${id} is not one of your consent grants`);
    }
    if (grant.revokedAt) {
      ctx.access.unchanged({ subjectId: self, fields: ['ConsentGrant.revokedAt'] });
      return grant;
    }
    grant.revokedAt = new Date();
    await em.flush();
    await ctx.access.writeWithin(em, [{ subjectId: self, fields: ['ConsentGrant.revokedAt'] }]);
    return grant;
  });
}

/**
 * The preview: one delegated query for every grantable field, each behind `@include(if: $fN)`, so
 * a request reads exactly its own fields, in one call, under the citizen's own identity.
 */
const PREVIEW = GRANTABLE_FIELDS.map((field, index) => {
  const alias = `f${index}`;
  const brace = field.preview.indexOf('{');
  const head = brace < 0 ? field.preview : field.preview.slice(0, brace);
  const selection = brace < 0 ? '' : field.preview.slice(brace);
  return { field, alias, text: `${alias}: ${head.trim()} @include(if: $${alias}) ${selection}` };
});

export const ConsentPreview = graphQuery<{ person: Record<string, unknown> | null }, Record<string, unknown>>(
  `query ConsentPreview($id: ID!, ${PREVIEW.map((p) => `$${p.alias}: Boolean!`).join(', ')}) {
    person(id: $id) { id ${PREVIEW.map((p) => p.text).join('\n')} }
  }`,
);

export interface PreviewItem {
  field: string;
  registry: string;
  value: string | null;
  error: string | null;
}

export async function previewOf(request: ConsentRequest, ctx: NaturalPersonContext): Promise<PreviewItem[]> {
  const variables: Record<string, unknown> = { id: request.personId };
  for (const p of PREVIEW) variables[p.alias] = request.fields.includes(p.field.field);
  const result = await ctx.graph.query(ConsentPreview, variables);
  const errorAt = (alias: string): GraphQLFormattedError | undefined =>
    result.errors.find((e) => e.path?.[0] === 'person' && e.path?.[1] === alias);
  return PREVIEW.filter((p) => request.fields.includes(p.field.field)).map((p) => {
    const error = errorAt(p.alias);
    const value = result.data?.person?.[p.alias];
    return {
      field: p.field.field,
      registry: p.field.registry,
      value: value === undefined || value === null ? null : JSON.stringify(value),
      error: error ? error.message : result.data?.person ? null : 'the natural-person registry did not answer',
    };
  });
}
