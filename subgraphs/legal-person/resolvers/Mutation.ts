import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { MutationResolvers, RecordPenaltyInput, RegisterOrganizationInput } from '../generated/graphql';
import type { LegalPersonContext } from '../context';
import { OrganizationRepository } from '../entities/organization.repository';
import { OrganizationSchema, type Organization } from '../entities/organization.entity';
import { PenaltySchema, type Penalty } from '../entities/penalty.entity';
import { createOnce } from '../../shared/create-once';
import { badUserInput } from '../../shared/errors';
import { recordFieldWrites } from '../../shared/provenance';
import { decimalColumn, textColumn } from '../../shared/columns';
import { checkedData } from '../../shared/graph';
import { LegalRepresentativeCheck } from '../graph-queries';
import * as check from '../../shared/validation';

/** Earliest date of establishment or decision the registry accepts. */
const EARLIEST = '1949-10-01';

export const Mutation: MutationResolvers = {
  registerOrganization: async (_parent, { input }, ctx) => {
    const clean = validateOrganization(input);
    // A repeat of a registration answers from this registry alone; a new one names a person who
    // must exist in the natural-person registry, checked there before anything is written.
    const [registered] = await new OrganizationRepository(ctx.em).findByCreditCodes([clean.creditCode]);
    if (registered) return repeatedOrganization(ctx, registered, clean);
    await checkLegalRepresentative(ctx, clean.legalRepresentativeId);
    return createOnce(ctx.em, {
      find: async (em) => {
        const [existing] = await new OrganizationRepository(em).findByCreditCodes([clean.creditCode]);
        return existing ? repeatedOrganization(ctx, existing, clean) : null;
      },
      create: (em) => registerOrganization(em, ctx, clean),
    });
  },

  recordPenalty: async (_parent, { input }, ctx) => {
    const clean = validatePenalty(input);
    return createOnce(ctx.em, {
      find: async (em) => {
        const repository = new OrganizationRepository(em);
        const [existing] = await repository.findPenaltiesByDecisionNumbers([clean.decisionNumber]);
        return existing ? samePenalty(existing, clean, await repository.findByCreditCodes([clean.creditCode])) : null;
      },
      create: (em) => recordPenalty(em, clean),
    });
  },
};

type CleanOrganization = ReturnType<typeof validateOrganization>;
type CleanPenalty = ReturnType<typeof validatePenalty>;

function validateOrganization(input: RegisterOrganizationInput) {
  return {
    creditCode: check.creditCode('input.creditCode', input.creditCode).creditCode,
    name: check.text('input.name', input.name, textColumn(OrganizationSchema, 'name')),
    type: input.type,
    legalRepresentativeId: check.uuid('input.legalRepresentativeId', input.legalRepresentativeId),
    registeredCapital: check.amount(
      'input.registeredCapital',
      input.registeredCapital,
      decimalColumn(OrganizationSchema, 'registeredCapital'),
    ),
    establishedOn: check.date('input.establishedOn', input.establishedOn, {
      notBefore: EARLIEST,
      notAfter: check.today(),
    }),
    industryCode: check.industryCode('input.industryCode', input.industryCode),
    districtCode: check.chengduDistrict('input.districtCode', input.districtCode),
    address: check.text('input.address', input.address, textColumn(OrganizationSchema, 'address')),
    businessScope: check.text(
      'input.businessScope',
      input.businessScope,
      textColumn(OrganizationSchema, 'businessScope'),
    ),
  };
}

/**
 * The legal representative must be a living person in the natural-person registry: asked there
 * through the gateway as the officer (who needs person:read), so that registry's rules and access
 * log apply. Fails closed: if the answer cannot be had, nothing is written.
 */
async function checkLegalRepresentative(ctx: LegalPersonContext, id: string): Promise<void> {
  const { person } = checkedData(await ctx.graph.query(LegalRepresentativeCheck, { id }), {
    argument: 'input.legalRepresentativeId',
    registry: 'natural-person',
    needs: 'scope person:read',
  });
  if (!person) {
    throw badUserInput(
      'input.legalRepresentativeId',
      'exists',
      `input.legalRepresentativeId ${id} is not a person in the natural-person registry`,
    );
  }
  if (person.deathDate) {
    throw badUserInput(
      'input.legalRepresentativeId',
      'living',
      `input.legalRepresentativeId ${id} is recorded as deceased (${person.deathDate}); a legal representative must be a living person`,
    );
  }
}

async function registerOrganization(
  em: EntityManager,
  ctx: LegalPersonContext,
  clean: CleanOrganization,
): Promise<Organization> {
  const [existing] = await new OrganizationRepository(em).findByCreditCodes([clean.creditCode]);
  if (existing) return repeatedOrganization(ctx, existing, clean);
  // New registrations start in the general risk class until market regulation classifies them.
  const organization = em.create(OrganizationSchema, { ...clean, status: 'ACTIVE', creditRiskClass: 'B' });
  await em.flush();
  // Naming a person as legal representative writes personal data about them: log it with the write.
  await ctx.access.writeWithin(em.getTransactionContext<Knex.Transaction>()!, [
    {
      action: 'write',
      outcome: 'granted',
      subjectId: clean.legalRepresentativeId,
      fields: ['Organization.legalRepresentative'],
    },
  ]);
  await recordFieldWrites(em, ctx.caller, [{ type: 'Organization', id: organization.creditCode, fields: ['*'] }]);
  return organization;
}

/** A repeat of an earlier registration: recorded as unchanged when identical (a conflicting one throws). */
function repeatedOrganization(ctx: LegalPersonContext, existing: Organization, clean: CleanOrganization): Organization {
  const same = sameOrganization(existing, clean);
  ctx.access.unchanged({ subjectId: same.legalRepresentativeId, fields: ['Organization.legalRepresentative'] });
  return same;
}

function sameOrganization(existing: Organization, clean: CleanOrganization): Organization {
  if (existing.name === clean.name && existing.legalRepresentativeId === clean.legalRepresentativeId) return existing;
  throw badUserInput(
    'input.creditCode',
    'unique',
    `input.creditCode ${clean.creditCode} is already registered to another organization`,
  );
}

function validatePenalty(input: RecordPenaltyInput) {
  return {
    creditCode: check.creditCode('input.creditCode', input.creditCode).creditCode,
    decisionNumber: check.text(
      'input.decisionNumber',
      input.decisionNumber,
      textColumn(PenaltySchema, 'decisionNumber'),
    ),
    decidedOn: check.date('input.decidedOn', input.decidedOn, { notBefore: EARLIEST, notAfter: check.today() }),
    reason: check.text('input.reason', input.reason, textColumn(PenaltySchema, 'reason')),
    amount: check.amount('input.amount', input.amount, decimalColumn(PenaltySchema, 'amount'), { positive: true }),
    authority: check.text('input.authority', input.authority, textColumn(PenaltySchema, 'authority')),
  };
}

async function recordPenalty(em: EntityManager, clean: CleanPenalty): Promise<Penalty> {
  const repository = new OrganizationRepository(em);
  const [organization] = await repository.findByCreditCodes([clean.creditCode]);
  if (!organization) {
    throw badUserInput(
      'input.creditCode',
      'exists',
      `input.creditCode ${clean.creditCode} is not a registered organization`,
    );
  }
  if (clean.decidedOn < organization.establishedOn) {
    throw badUserInput(
      'input.decidedOn',
      'date-range',
      `input.decidedOn ${clean.decidedOn} is before the organization was established (${organization.establishedOn})`,
    );
  }
  const { creditCode: _creditCode, ...fields } = clean;
  const penalty = em.create(PenaltySchema, { ...fields, organization });
  await em.flush();
  return penalty;
}

function samePenalty(existing: Penalty, clean: CleanPenalty, organizations: Organization[]): Penalty {
  const sameOrganization = organizations.some((o) => o.id === existing.organization.id);
  if (sameOrganization && existing.decidedOn === clean.decidedOn && existing.amount === clean.amount) return existing;
  throw badUserInput(
    'input.decisionNumber',
    'unique',
    `input.decisionNumber ${clean.decisionNumber} is already recorded for a different penalty`,
  );
}
