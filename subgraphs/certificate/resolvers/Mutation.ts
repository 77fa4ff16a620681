import { recordFieldWrites } from '../../shared/provenance';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type {
  IssueCertificateInput,
  MutationResolvers,
  RecordMaterialUseInput,
  RenewCertificateInput,
  RevokeCertificateInput,
} from '../generated/graphql';
import type { CertificateContext } from '../context';
import { canonicalJson } from '../../shared/assertion';
import type { AccessEntry } from '../../shared/access-log/chain';
import { createOnce } from '../../shared/create-once';
import { badUserInput } from '../../shared/errors';
import { checkedData, type CheckDescription } from '../../shared/graph';
import { textColumn, type DecimalColumn } from '../../shared/columns';
import { ServiceSchema } from '../entities/service.entity';
import * as check from '../../shared/validation';
import {
  ATTRIBUTES_INPUT,
  MAX_NUMBER_LENGTH,
  OCCUPATION_CODE,
  ageOn,
  birthDateOf,
  checkAssignedNumber,
  disabilityCategoryDigit,
  isDerivedNumber,
  todayInChina,
  validUntilFor,
  type CertificateAttributes,
} from '../certificate-types';
import type { CertificateType, CertificateTypeCode } from '../entities/certificate-type.entity';
import { CertificateSchema, type Certificate } from '../entities/certificate.entity';
import { CertificateRepository, typeNumberKey } from '../entities/certificate.repository';
import { MaterialRepository } from '../entities/material.repository';
import { MaterialUseSchema, type MaterialUse } from '../entities/material-use.entity';
import {
  CoupleCheck,
  HouseholdHeadCheck,
  OrganizationHolderCheck,
  PersonHolderCheck,
  type PrintedPerson,
} from '../graph-queries';
import { newVerificationCode, type PrintedHolder } from '../signed-form';

/** Earliest day of issue the registry accepts (the founding of the People's Republic). */
const EARLIEST = '1949-10-01';
/** Latest valid-until the registry accepts. */
const LATEST = '2199-12-31';
/** Legal minimum age of marriage (Civil Code art. 1047). */
const MARRIAGE_AGE = { MALE: 22, FEMALE: 20 } as const;
/** A monthly allowance is kept in the attributes as numeric(7, 2) would hold it: at most 99,999.99. */
const MONTHLY_ALLOWANCE: DecimalColumn = { precision: 7, scale: 2 };

export const Mutation: MutationResolvers = {
  issueCertificate: async (_parent, { input }, ctx) => {
    const type = (await ctx.loaders.certificateType.load(input.type))!;
    const clean = validateIssue(input, type);
    // A repeat answers from this registry alone; a new one first checks its holder in their registry.
    if (clean.number) {
      const existing = await ctx.loaders.certificateByTypeNumber.load(typeNumberKey(type.code, clean.number));
      if (existing) return repeated(ctx, sameIssue(existing, clean));
    }
    const printed = await printHolder(ctx, type, clean);
    const number = numberFor(type, clean, printed);
    const key = typeNumberKey(type.code, number);
    return createOnce(ctx.em, {
      find: async (em) => {
        const [existing] = await new CertificateRepository(em).findByTypeAndNumbers([key]);
        return existing ? repeated(ctx, sameIssue(existing, clean)) : null;
      },
      create: (em) => issue(em, ctx, type, { ...clean, number }, printed),
    });
  },

  revokeCertificate: async (_parent, { input }, ctx) => {
    const clean = validateRevocation(input);
    return ctx.em.transactional(async (em) => {
      const certificate = await new CertificateRepository(em).lockByTypeAndNumber(input.type, clean.number);
      if (!certificate) throw notIssued(input.type, clean.number);
      if (certificate.revokedOn) {
        if (certificate.revokedOn === clean.revokedOn && certificate.revocationReason === clean.reason) {
          return repeated(ctx, certificate, 'Certificate.status');
        }
        throw badUserInput(
          'input.number',
          'revoked',
          `${input.type} ${clean.number} was already revoked on ${certificate.revokedOn} (${certificate.revocationReason}); a revocation is not changed`,
        );
      }
      if (clean.revokedOn < certificate.issuedOn) {
        throw badUserInput(
          'input.revokedOn',
          'date-range',
          `input.revokedOn ${clean.revokedOn} is before the certificate was issued (${certificate.issuedOn})`,
        );
      }
      certificate.revokedOn = clean.revokedOn;
      certificate.revocationReason = clean.reason;
      await em.flush();
      await logWrite(em, ctx, holderEntries(certificate, 'Certificate.status'));
      await recordFieldWrites(em, ctx.caller, [
        { type: 'Certificate', id: certificate.id, fields: ['status', 'revocation'] },
      ]);
      return certificate;
    });
  },

  renewCertificate: async (_parent, { input }, ctx) => {
    const type = (await ctx.loaders.certificateType.load(input.type))!;
    const clean = validateRenewal(input, type);
    const current = await ctx.loaders.certificateByTypeNumber.load(typeNumberKey(type.code, clean.number));
    if (!current) throw notIssued(type.code, clean.number);
    const repeat = (certificate: Certificate) =>
      certificate.issuedOn === clean.issuedOn &&
      (type.validityRule !== 'STATED' || certificate.validUntil === clean.statedValidUntil);
    checkRenewable(current, clean);
    if (repeat(current)) return repeated(ctx, current);
    // The holder is checked again and printed as they are now (a name may have changed).
    const issueLike: CleanIssue = {
      type: type.code,
      number: current.number,
      holder:
        current.holderKind === 'PERSON'
          ? { kind: 'PERSON', personId: current.holderPersonId! }
          : { kind: 'ORGANIZATION', creditCode: current.holderCreditCode! },
      issuingAuthority: current.issuingAuthority,
      issuedOn: clean.issuedOn,
      statedValidUntil: clean.statedValidUntil,
      attributes: current.attributes ?? null,
      holderArgument: 'input.number',
    };
    const printed = await printHolder(ctx, type, issueLike);
    if (numberFor(type, issueLike, printed) !== current.number) {
      throw badUserInput(
        'input.number',
        'matches-holder',
        `${type.code} ${current.number} no longer matches its holder's identifier; revoke it and issue a new one`,
      );
    }
    return ctx.em.transactional(async (em) => {
      const certificate = await new CertificateRepository(em).lockByTypeAndNumber(type.code, clean.number);
      if (!certificate) throw notIssued(type.code, clean.number);
      if (repeat(certificate)) return repeated(ctx, certificate); // a concurrent repeat got here first
      checkRenewable(certificate, clean);
      certificate.issuedOn = clean.issuedOn;
      certificate.validUntil = validity(type, issueLike, printed);
      Object.assign(certificate, printedParts(issueLike, printed));
      await em.flush();
      await logWrite(em, ctx, holderEntries(certificate, 'Person.certificates'));
      await recordFieldWrites(em, ctx.caller, [
        {
          type: 'Certificate',
          id: certificate.id,
          fields: ['issuedOn', 'validUntil', 'status', 'holder', 'attributes', 'signedForm'],
        },
      ]);
      return certificate;
    });
  },

  recordMaterialUse: async (_parent, { input }, ctx) => {
    const clean = validateUse(input);
    const [material, service] = await Promise.all([
      ctx.loaders.material.load(clean.materialId),
      ctx.loaders.service.load(clean.service),
    ]);
    if (!material) {
      throw badUserInput(
        'input.materialId',
        'exists',
        `input.materialId ${clean.materialId} is not a material in this registry`,
      );
    }
    if (!service) {
      throw badUserInput(
        'input.service',
        'exists',
        `input.service ${JSON.stringify(clean.service)} is not in the service catalogue; Query.services lists every code`,
      );
    }
    const reference = ctx.caller.purpose!;
    await createOnce<MaterialUse>(ctx.em, {
      find: async (em) => {
        const [use] = await new MaterialRepository(em).findUse(material.id, service.id, reference);
        if (use) ctx.access.unchanged({ subjectId: material.ownerId, fields: ['Material.uses'] });
        return use ?? null;
      },
      create: async (em) => {
        const identity = ctx.caller.identity!;
        const use = em.create(MaterialUseSchema, {
          material: material.id,
          service: service.id,
          reference,
          usedBySub: identity.sub,
          usedByRole: identity.role,
          usedByDept: identity.dept,
        });
        await em.flush();
        await logWrite(em, ctx, [
          { action: 'write', outcome: 'granted', subjectId: material.ownerId, fields: ['Material.uses'] },
        ]);
        await recordFieldWrites(em, ctx.caller, [{ type: 'Material', id: material.id, fields: ['uses'] }]);
        return use;
      },
    });
    ctx.loaders.materialUses.clear(material.id);
    return material;
  },
};

// ---------------------------------------------------------------------------------------------
// Validation, before anything is asked or written.

type Holder = { kind: 'PERSON'; personId: string } | { kind: 'ORGANIZATION'; creditCode: string };

interface CleanIssue {
  type: CertificateTypeCode;
  /** As given (normalised), or null for a type that derives it from the holder. */
  number: string | null;
  holder: Holder;
  issuingAuthority: string;
  issuedOn: string;
  statedValidUntil: string | null;
  attributes: CertificateAttributes | null;
  /** The argument a holder problem is reported against. */
  holderArgument: string;
}

function validateIssue(input: IssueCertificateInput, type: CertificateType): CleanIssue {
  const holder = validateHolder(input, type);
  const issuingAuthority = check.text(
    'input.issuingAuthority',
    input.issuingAuthority,
    textColumn(CertificateSchema, 'issuingAuthority'),
  );
  const issuedOn = check.date('input.issuedOn', input.issuedOn, { notBefore: EARLIEST, notAfter: todayInChina() });
  const statedValidUntil = validateStatedValidity(type, input.validUntil, issuedOn);
  const attributes = validateAttributes(input, type, holder);
  let number: string | null = null;
  if (input.number != null) number = checkNumber('input.number', input.number);
  if (!isDerivedNumber(type.code)) {
    if (number === null) {
      throw badUserInput(
        'input.number',
        'required',
        `input.number is required for a ${type.name}: ${type.numberFormat}`,
      );
    }
    number = checkAssignedNumber(
      type.code,
      'input.number',
      number,
      issuedOn,
      attributes?.kind === 'DIPLOMA' ? attributes.level : undefined,
    );
  }
  return {
    type: type.code,
    number,
    holder,
    issuingAuthority,
    issuedOn,
    statedValidUntil,
    attributes,
    holderArgument: holder.kind === 'PERSON' ? 'input.holder.personId' : 'input.holder.creditCode',
  };
}

function validateHolder(input: IssueCertificateInput, type: CertificateType): Holder {
  const { personId, creditCode } = input.holder;
  if ((personId == null) === (creditCode == null)) {
    throw badUserInput('input.holder', 'one-of', 'input.holder needs exactly one of personId and creditCode');
  }
  if (type.holderKind === 'PERSON') {
    if (personId == null) {
      throw badUserInput(
        'input.holder',
        'holder-kind',
        `a ${type.name} is held by a person: give input.holder.personId`,
      );
    }
    return { kind: 'PERSON', personId: check.uuid('input.holder.personId', personId) };
  }
  if (creditCode == null) {
    throw badUserInput(
      'input.holder',
      'holder-kind',
      `a ${type.name} is held by an organization: give input.holder.creditCode`,
    );
  }
  return { kind: 'ORGANIZATION', creditCode: check.creditCode('input.holder.creditCode', creditCode).creditCode };
}

function validateStatedValidity(type: CertificateType, validUntil: string | null | undefined, issuedOn: string) {
  if (validUntil == null) return null;
  if (type.validityRule !== 'STATED') {
    throw badUserInput(
      'input.validUntil',
      'validity',
      `a ${type.name}'s validity follows its rule (${type.validityDescription}); omit input.validUntil`,
    );
  }
  const checked = check.date('input.validUntil', validUntil, { notAfter: LATEST });
  if (checked <= issuedOn) {
    throw badUserInput(
      'input.validUntil',
      'date-range',
      `input.validUntil ${checked} must be after the day of issue ${issuedOn}`,
    );
  }
  return checked;
}

/** The attributes of the type's own input member; every other member must be absent. */
function validateAttributes(
  input: IssueCertificateInput,
  type: CertificateType,
  holder: Holder,
): CertificateAttributes | null {
  const expected = ATTRIBUTES_INPUT[type.code];
  for (const member of Object.values(ATTRIBUTES_INPUT)) {
    if (member !== expected && input[member as keyof IssueCertificateInput] != null) {
      throw badUserInput(`input.${member}`, 'attributes', `input.${member} does not belong to a ${type.name}; omit it`);
    }
  }
  if (!expected) return null;
  if (input[expected as keyof IssueCertificateInput] == null) {
    throw badUserInput(`input.${expected}`, 'required', `a ${type.name} needs input.${expected}`);
  }
  if (input.marriage) {
    const spouseId = check.uuid('input.marriage.spouseId', input.marriage.spouseId);
    if (holder.kind === 'PERSON' && spouseId === holder.personId) {
      throw badUserInput(
        'input.marriage.spouseId',
        'spouse',
        'input.marriage.spouseId must be the other spouse, not the holder',
      );
    }
    // The spouse's printed name and ID number are filled in once they have been checked.
    return { kind: 'MARRIAGE', spouseId, spouseName: '', spouseIdNumber: '' };
  }
  if (input.disability) {
    return {
      kind: 'DISABILITY',
      category: input.disability.category,
      grade: wholeNumber('input.disability.grade', input.disability.grade, 1, 4),
    };
  }
  if (input.minimumAllowance) {
    const amount = check.amount(
      'input.minimumAllowance.monthlyAmount',
      input.minimumAllowance.monthlyAmount,
      MONTHLY_ALLOWANCE,
      { positive: true },
    );
    return {
      kind: 'MINIMUM_ALLOWANCE',
      monthlyAmount: amount,
      coveredMembers: wholeNumber(
        'input.minimumAllowance.coveredMembers',
        input.minimumAllowance.coveredMembers,
        1,
        20,
      ),
    };
  }
  if (input.diploma) {
    return {
      kind: 'DIPLOMA',
      // Attributes are kept as JSON: their bounds are the registry's, stated here.
      school: check.text('input.diploma.school', input.diploma.school, { max: 100 }),
      level: input.diploma.level,
      major: input.diploma.major == null ? null : check.text('input.diploma.major', input.diploma.major, { max: 100 }),
    };
  }
  const vq = input.vocationalQualification!;
  const occupationCode = vq.occupationCode == null ? null : vq.occupationCode.trim();
  if (occupationCode !== null && !OCCUPATION_CODE.test(occupationCode)) {
    throw badUserInput(
      'input.vocationalQualification.occupationCode',
      'occupation-code',
      `input.vocationalQualification.occupationCode ${JSON.stringify(vq.occupationCode)} must be a GB/T 6565-2015 detailed code such as 6-31-01-03`,
    );
  }
  return {
    kind: 'VOCATIONAL_QUALIFICATION',
    occupation: check.text('input.vocationalQualification.occupation', vq.occupation, { max: 50 }),
    occupationCode,
    level: wholeNumber('input.vocationalQualification.level', vq.level, 1, 5),
  };
}

function wholeNumber(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(argument, 'range', `${argument} must be a whole number from ${min} to ${max} (got ${value})`);
  }
  return value;
}

function checkNumber(argument: string, raw: string): string {
  return check.text(argument, raw, { max: MAX_NUMBER_LENGTH }).toUpperCase();
}

function validateRevocation(input: RevokeCertificateInput) {
  return {
    number: checkNumber('input.number', input.number),
    revokedOn: check.date('input.revokedOn', input.revokedOn, { notBefore: EARLIEST, notAfter: todayInChina() }),
    reason: check.text('input.reason', input.reason, textColumn(CertificateSchema, 'revocationReason')),
  };
}

function validateRenewal(input: RenewCertificateInput, type: CertificateType) {
  const issuedOn = check.date('input.issuedOn', input.issuedOn, { notBefore: EARLIEST, notAfter: todayInChina() });
  return {
    number: checkNumber('input.number', input.number),
    issuedOn,
    statedValidUntil: validateStatedValidity(type, input.validUntil, issuedOn),
  };
}

function checkRenewable(certificate: Certificate, clean: { number: string; issuedOn: string }): void {
  if (certificate.revokedOn) {
    throw badUserInput(
      'input.number',
      'revoked',
      `${certificate.type} ${certificate.number} was revoked on ${certificate.revokedOn}; a revoked certificate is not renewed: issue a new one`,
    );
  }
  if (clean.issuedOn < certificate.issuedOn) {
    throw badUserInput(
      'input.issuedOn',
      'date-range',
      `input.issuedOn ${clean.issuedOn} is before the current period, which began ${certificate.issuedOn}`,
    );
  }
}

function validateUse(input: RecordMaterialUseInput) {
  return {
    materialId: check.uuid('input.materialId', input.materialId),
    service: check.text('input.service', input.service, textColumn(ServiceSchema, 'code')),
  };
}

function notIssued(type: string, number: string) {
  return badUserInput('input.number', 'exists', `no ${type} numbered ${number} has been issued`);
}

// ---------------------------------------------------------------------------------------------
// The holder, checked in their own registry on the officer's behalf.

interface Printed {
  holder: PrintedHolder;
  spouse?: PrintedHolder;
  /** The household number, for a household register. */
  householdNumber?: string;
}

const PERSON_CHECK_NEEDS =
  "scope person:read:sensitive and an X-Purpose header (the holder's name and ID number are printed on the certificate)";

/**
 * Asks the holder's registry (as the officer) whether the holder exists, and how they are to be
 * printed: fails closed with BAD_USER_INPUT (no such holder, deceased, too young, ...),
 * FORBIDDEN (the officer may not read what is printed) or SUBGRAPH_UNAVAILABLE.
 */
async function printHolder(ctx: CertificateContext, type: CertificateType, clean: CleanIssue): Promise<Printed> {
  if (clean.holder.kind === 'ORGANIZATION') {
    const { organization } = checkedData(
      await ctx.graph.query(OrganizationHolderCheck, { creditCode: clean.holder.creditCode }),
      { argument: clean.holderArgument, registry: 'legal-person', needs: 'nothing beyond your token' },
    );
    if (!organization) {
      throw badUserInput(
        clean.holderArgument,
        'exists',
        `${clean.holderArgument} ${clean.holder.creditCode} is not an organization in the legal-person registry`,
      );
    }
    if (organization.status !== 'ACTIVE') {
      throw badUserInput(
        clean.holderArgument,
        'active',
        `${clean.holderArgument} ${organization.creditCode} is ${organization.status} in the legal-person registry; only an active organization is issued a ${type.name}`,
      );
    }
    return { holder: { kind: 'ORGANIZATION', creditCode: organization.creditCode, name: organization.name } };
  }
  const personId = clean.holder.personId;
  const description: CheckDescription = {
    argument: clean.holderArgument,
    registry: 'natural-person',
    needs: PERSON_CHECK_NEEDS,
  };
  if (clean.attributes?.kind === 'MARRIAGE') {
    const { holder, spouse } = checkedData(
      await ctx.graph.query(CoupleCheck, { id: personId, spouseId: clean.attributes.spouseId }),
      description,
    );
    const printedHolder = livingPerson(holder, clean.holderArgument, personId);
    const printedSpouse = livingPerson(spouse, 'input.marriage.spouseId', clean.attributes.spouseId);
    checkMarriage(printedHolder, printedSpouse, clean.issuedOn);
    return { holder: printed(printedHolder), spouse: printed(printedSpouse) };
  }
  if (type.code === 'HOUSEHOLD_REGISTER') {
    const { person } = checkedData(await ctx.graph.query(HouseholdHeadCheck, { id: personId }), description);
    const head = livingPerson(person, clean.holderArgument, personId);
    const household = person!.household;
    if (!household || household.head?.id !== head.id) {
      throw badUserInput(
        clean.holderArgument,
        'household-head',
        `${clean.holderArgument} ${personId} is not the head of a household; a household register is held by its head`,
      );
    }
    return { holder: printed(head), householdNumber: household.number };
  }
  const { person } = checkedData(await ctx.graph.query(PersonHolderCheck, { id: personId }), description);
  const holder = livingPerson(person, clean.holderArgument, personId);
  const age = ageOn(birthDateOf(holder.idNumber), clean.issuedOn);
  const minimumAge = type.code === 'SENIOR_CITIZEN_CARD' ? 60 : type.code === 'EMPLOYMENT_CERTIFICATE' ? 16 : 0;
  if (age < minimumAge) {
    throw badUserInput(
      clean.holderArgument,
      'age',
      `${clean.holderArgument} ${personId} is ${age} on ${clean.issuedOn}; a ${type.name} is for people aged ${minimumAge} or over`,
    );
  }
  return { holder: printed(holder) };
}

function livingPerson(person: PrintedPerson | null, argument: string, id: string): PrintedPerson {
  if (!person)
    throw badUserInput(argument, 'exists', `${argument} ${id} is not a person in the natural-person registry`);
  if (person.deathDate) {
    throw badUserInput(
      argument,
      'living',
      `${argument} ${id} is recorded as deceased (${person.deathDate}); certificates are issued to the living`,
    );
  }
  return person;
}

function printed(person: PrintedPerson): PrintedHolder {
  return { kind: 'PERSON', id: person.id, name: person.name, idNumber: person.idNumber };
}

function genderOf(idNumber: string): 'MALE' | 'FEMALE' {
  return Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/** Civil Code art. 1047 and 1049: a man of 22 or over and a woman of 20 or over. */
function checkMarriage(holder: PrintedPerson, spouse: PrintedPerson, on: string): void {
  if (genderOf(holder.idNumber) === genderOf(spouse.idNumber)) {
    throw badUserInput(
      'input.marriage.spouseId',
      'marriage-parties',
      'a marriage is registered between a man and a woman (Civil Code art. 1049); the two ID numbers give the same gender',
    );
  }
  for (const [argument, person] of [
    ['input.holder.personId', holder],
    ['input.marriage.spouseId', spouse],
  ] as const) {
    const gender = genderOf(person.idNumber);
    const age = ageOn(birthDateOf(person.idNumber), on);
    if (age < MARRIAGE_AGE[gender]) {
      throw badUserInput(
        argument,
        'marriage-age',
        `${argument} ${person.id} is ${age} on ${on}; the minimum age of marriage is ${MARRIAGE_AGE[gender]} for a ${gender === 'MALE' ? 'man' : 'woman'} (Civil Code art. 1047)`,
      );
    }
  }
}

/** The certificate's number: derived from the holder where the type says so (and matching what was given). */
function numberFor(type: CertificateType, clean: CleanIssue, printed: Printed): string {
  if (!isDerivedNumber(type.code)) return clean.number!;
  const holder = printed.holder;
  let derived: string;
  switch (type.code) {
    case 'RESIDENT_ID_CARD':
    case 'EMPLOYMENT_CERTIFICATE':
      derived = (holder as { idNumber: string }).idNumber;
      break;
    case 'DISABILITY_CERTIFICATE': {
      const attributes = clean.attributes as { category: Parameters<typeof disabilityCategoryDigit>[0]; grade: number };
      derived = `${(holder as { idNumber: string }).idNumber}${disabilityCategoryDigit(attributes.category)}${attributes.grade}`;
      break;
    }
    case 'BUSINESS_LICENCE':
      derived = (holder as { creditCode: string }).creditCode;
      break;
    case 'HOUSEHOLD_REGISTER':
      derived = printed.householdNumber!;
      break;
  }
  if (clean.number !== null && clean.number !== derived) {
    throw badUserInput(
      'input.number',
      'matches-holder',
      `input.number ${clean.number} does not match the holder: a ${type.name}'s number is ${type.numberFormat}, here ${derived}`,
    );
  }
  return derived;
}

function validity(type: CertificateType, clean: CleanIssue, printed: Printed): string | null {
  return validUntilFor(type.validityRule, {
    issuedOn: clean.issuedOn,
    years: type.validityYears ?? null,
    birthDate: printed.holder.kind === 'PERSON' ? birthDateOf(printed.holder.idNumber) : undefined,
    stated: clean.statedValidUntil,
  });
}

/** What the document prints about the holder (and a marriage certificate's other spouse) as of now. */
function printedParts(clean: CleanIssue, printed: Printed) {
  const holder = printed.holder;
  const attributes =
    clean.attributes?.kind === 'MARRIAGE' && printed.spouse?.kind === 'PERSON'
      ? { ...clean.attributes, spouseName: printed.spouse.name, spouseIdNumber: printed.spouse.idNumber }
      : clean.attributes;
  return {
    printedName: holder.name,
    printedIdentifier: holder.kind === 'PERSON' ? holder.idNumber : holder.creditCode,
    attributes,
  };
}

async function issue(
  em: EntityManager,
  ctx: CertificateContext,
  type: CertificateType,
  clean: CleanIssue & { number: string },
  printed: Printed,
): Promise<Certificate> {
  const certificate = em.create(CertificateSchema, {
    id: randomUUID(),
    type: type.code,
    number: clean.number,
    holderKind: clean.holder.kind,
    holderPersonId: clean.holder.kind === 'PERSON' ? clean.holder.personId : null,
    holderCreditCode: clean.holder.kind === 'ORGANIZATION' ? clean.holder.creditCode : null,
    issuingDepartment: type.issuingDepartment,
    issuingAuthority: clean.issuingAuthority,
    issuedOn: clean.issuedOn,
    validUntil: validity(type, clean, printed),
    revokedOn: null,
    revocationReason: null,
    ...printedParts(clean, printed),
    verificationCode: newVerificationCode(),
  });
  await em.flush();
  const entries = holderEntries(certificate, 'Person.certificates');
  if (clean.attributes?.kind === 'MARRIAGE') {
    // The spouse is named (and printed) on the holder's certificate: personal data about them.
    entries.push({
      action: 'write',
      outcome: 'granted',
      subjectId: clean.attributes.spouseId,
      fields: ['MarriageAttributes.spouse'],
    });
  }
  await logWrite(em, ctx, entries);
  await recordFieldWrites(em, ctx.caller, [{ type: 'Certificate', id: certificate.id, fields: ['*'] }]);
  return certificate;
}

/** An earlier issue under the same type and number: the same one answers with it, another is refused. */
function sameIssue(existing: Certificate, clean: CleanIssue): Certificate {
  const sameHolder =
    clean.holder.kind === 'PERSON'
      ? existing.holderPersonId === clean.holder.personId
      : existing.holderCreditCode === clean.holder.creditCode;
  if (!sameHolder) {
    throw badUserInput(
      'input.number',
      'unique',
      `${existing.type} ${existing.number} is already issued to another holder; a number is unique per type`,
    );
  }
  if (existing.issuedOn !== clean.issuedOn || particulars(existing.attributes) !== particulars(clean.attributes)) {
    throw badUserInput(
      'input.number',
      'unique',
      `${existing.type} ${existing.number} is already issued to this holder (on ${existing.issuedOn}) with other particulars; ` +
        'renew it with renewCertificate, or revoke it first',
    );
  }
  return existing;
}

/** Attributes as the issuer states them (the printed spouse is what the registry adds). */
function particulars(attributes: CertificateAttributes | null | undefined): string {
  if (attributes?.kind !== 'MARRIAGE') return canonicalJson(attributes ?? null);
  return canonicalJson({ kind: attributes.kind, spouseId: attributes.spouseId });
}

/**
 * The record of a write to a certificate: against the person who holds it, or (an organization's)
 * against no person, identified by what the mutation named.
 */
function holderEntries(certificate: Certificate, field: string): AccessEntry[] {
  return certificate.holderPersonId
    ? [{ action: 'write', outcome: 'granted', subjectId: certificate.holderPersonId, fields: [field] }]
    : [{ action: 'write', outcome: 'granted', subjectId: null, fields: [field.replace(/^Person\./, 'Organization.')] }];
}

/** A repeat of a write already made: recorded as unchanged, and answered with what is there. */
function repeated(ctx: CertificateContext, certificate: Certificate, field = 'Person.certificates'): Certificate {
  const [entry] = holderEntries(certificate, field);
  ctx.access.unchanged({ subjectId: entry.subjectId, fields: entry.fields });
  return certificate;
}

/** Writes the access records of a write in its own transaction, so both commit or neither does. */
async function logWrite(em: EntityManager, ctx: CertificateContext, entries: AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.access.writeWithin(em.getTransactionContext<Knex.Transaction>()!, entries);
}
