import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { MutationResolvers, RegisterPersonInput } from '../generated/graphql';
import type { NaturalPersonContext } from '../context';
import { HouseholdMemberSchema } from '../entities/household-member.entity';
import { HouseholdSchema } from '../entities/household.entity';
import { HouseholdRepository, PersonRepository } from '../entities/person.repository';
import { PersonSchema, type Person } from '../entities/person.entity';
import { createOnce } from '../../shared/create-once';
import { badUserInput } from '../../shared/errors';
import { textColumn } from '../../shared/columns';
import * as check from '../../shared/validation';
import { householdNumber } from './Query';
import { answerConsentRequest, requestConsent, revokeConsentGrant } from '../consent';

/** What a registration writes about the person, as recorded in the access log. */
const REGISTRATION_FIELDS = ['Person.*', 'HouseholdMember.*'];

/** Legal minimum age of marriage (Civil Code art. 1047). */
const MARRIAGE_AGE = { MALE: 22, FEMALE: 20 } as const;

export const Mutation: MutationResolvers = {
  registerPerson: async (_parent, { input }, ctx) => {
    const clean = validateRegistration(input);
    return createOnce(ctx.em, {
      find: async (em) => {
        const [existing] = await new PersonRepository(em).findByIdNumbers([clean.idNumber]);
        if (!existing) return null;
        // A conflicting repeat throws (and is recorded as rejected); an identical one is recorded as unchanged.
        const same = sameRegistration(existing, clean);
        ctx.access.unchanged({ subjectId: same.id, fields: REGISTRATION_FIELDS });
        return same;
      },
      create: (em) => register(em, ctx, clean),
    });
  },

  updateMyContact: async (_parent, { input }, ctx) => {
    const self = ctx.caller.identity!.sub;
    if (input.phone === undefined) {
      ctx.access.unchanged({ subjectId: self, fields: [] });
      return ctx.loaders.person.load(self);
    }
    const phone = input.phone === null ? null : check.mobilePhone('input.phone', input.phone);
    return ctx.em.transactional(async (em) => {
      const person = await em.findOne(PersonSchema, { id: self }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!person || person.phone === phone) {
        ctx.access.unchanged({ subjectId: self, fields: ['Person.phone'] });
        return person;
      }
      person.phone = phone;
      await em.flush();
      await ctx.access.writeWithin(em, [{ subjectId: person.id, fields: ['Person.phone'] }]);
      return person;
    });
  },

  requestConsent: (_parent, { input }, ctx) => requestConsent(input, ctx),
  answerConsentRequest: (_parent, { input }, ctx) => answerConsentRequest(input, ctx),
  revokeConsentGrant: (_parent, { id }, ctx) => revokeConsentGrant(id, ctx),
};

type CleanRegistration = ReturnType<typeof validateRegistration>;

/** Every check on registerPerson's input, before anything is written. */
function validateRegistration(input: RegisterPersonInput) {
  const facts = check.idNumber('input.idNumber', input.idNumber);
  const name = check.text('input.name', input.name, textColumn(PersonSchema, 'name'));
  const ethnicity = check.ethnicity('input.ethnicity', input.ethnicity);
  const districtCode = check.chengduDistrict('input.districtCode', input.districtCode);
  const registeredAddress = check.text(
    'input.registeredAddress',
    input.registeredAddress,
    textColumn(PersonSchema, 'registeredAddress'),
  );
  const phone = input.phone == null ? null : check.mobilePhone('input.phone', input.phone);
  if (input.maritalStatus !== 'UNMARRIED') {
    const minimum = MARRIAGE_AGE[facts.gender];
    if (ageOn(facts.birthDate, check.today()) < minimum) {
      throw badUserInput(
        'input.maritalStatus',
        'marriage-age',
        `input.maritalStatus ${input.maritalStatus} is impossible for a person born ${facts.birthDate}: ` +
          `the legal age of marriage is ${minimum} for ${facts.gender === 'MALE' ? 'men' : 'women'}`,
      );
    }
  }
  let household: { join: string; relationship: NonNullable<RegisterPersonInput['relationship']> } | null = null;
  if (input.householdNumber != null) {
    const number = householdNumber('input.householdNumber', input.householdNumber);
    if (input.relationship == null || input.relationship === 'HEAD') {
      throw badUserInput(
        'input.relationship',
        'relationship',
        'input.relationship is required when joining a household, and must not be HEAD (a household has one head)',
      );
    }
    household = { join: number, relationship: input.relationship };
  } else if (input.relationship != null && input.relationship !== 'HEAD') {
    throw badUserInput(
      'input.relationship',
      'relationship',
      'input.relationship without input.householdNumber can only be HEAD of a new household',
    );
  }
  return {
    idNumber: facts.idNumber,
    gender: facts.gender,
    birthDate: facts.birthDate,
    name,
    ethnicity,
    districtCode,
    registeredAddress,
    phone,
    maritalStatus: input.maritalStatus,
    household,
  };
}

async function register(em: EntityManager, ctx: NaturalPersonContext, clean: CleanRegistration): Promise<Person> {
  const households = new HouseholdRepository(em);
  let household;
  if (clean.household) {
    [household] = await households.findByNumbers([clean.household.join]);
    if (!household) {
      throw badUserInput(
        'input.householdNumber',
        'exists',
        `input.householdNumber ${clean.household.join} is not a registered household`,
      );
    }
  }
  const person = em.create(PersonSchema, {
    idNumber: clean.idNumber,
    name: clean.name,
    gender: clean.gender,
    birthDate: clean.birthDate,
    ethnicity: clean.ethnicity,
    districtCode: clean.districtCode,
    registeredAddress: clean.registeredAddress,
    phone: clean.phone,
    maritalStatus: clean.maritalStatus,
  });
  household ??= em.create(HouseholdSchema, {
    number: await households.nextNumber(),
    districtCode: clean.districtCode,
    address: clean.registeredAddress,
    head: person,
  });
  em.create(HouseholdMemberSchema, { household, person, relationship: clean.household?.relationship ?? 'HEAD' });
  await em.flush();
  await ctx.access.writeWithin(em, [{ subjectId: person.id, fields: REGISTRATION_FIELDS }]);
  return person;
}

/** A repeat of an earlier registration returns it; a different person with the same ID number is refused. */
function sameRegistration(existing: Person, clean: CleanRegistration): Person {
  if (existing.name === clean.name) return existing;
  throw badUserInput(
    'input.idNumber',
    'unique',
    `input.idNumber ${clean.idNumber} is already registered to another name`,
  );
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
