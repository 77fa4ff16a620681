import type { QueryResolvers } from '../generated/graphql';
import { todayInChina } from '../../shared/calendar';
import { badUserInput } from '../../shared/errors';
import * as check from '../../shared/validation';
import { ApplicationRepository } from '../entities/application.repository';
import { colourOf } from '../supervision';
import { onTimeReport, supervisionBoard } from './Supervision';

/** An optional district filter: null when not given, else one of Chengdu's districts (the shared check). */
function district(argument: string, value: string | null | undefined): string | null {
  return value == null ? null : check.chengduDistrict(argument, value);
}

export const Query: QueryResolvers = {
  programmes: (_parent, _args, { em }) => new ApplicationRepository(em).allProgrammes(),

  application: async (_parent, { id, reference }, { loaders }) => {
    if ((id == null) === (reference == null)) {
      throw badUserInput('id', 'one-of', 'give exactly one of id and reference');
    }
    if (id != null) return loaders.application.load(check.uuid('id', id).toLowerCase());
    return loaders.applicationByReference.load(check.text('reference', reference!, { max: 30 }));
  },

  applications: async (_parent, { filter, first }, { em, calendar, yellowDays }) => {
    const size = check.pageSize('first', first);
    const repository = new ApplicationRepository(em);
    const where = {
      status: filter?.status ?? null,
      programme: filter?.programme ?? null,
      districtCode: district('filter.districtCode', filter?.districtCode),
    };
    if (!filter?.colour) return repository.queue(where, size);
    // A colour is today's, from the working-day calendar: only open cases have one.
    const today = todayInChina();
    const open = await repository.open(where);
    return open
      .filter(
        (a) =>
          (!where.status || a.status === where.status) && colourOf(a, calendar, yellowDays, today) === filter.colour,
      )
      .slice(0, size);
  },

  myAssistanceApplications: (_parent, _args, { em, caller }) =>
    caller.identity?.role === 'citizen' ? new ApplicationRepository(em).ofPerson(caller.identity.sub) : [],

  publicNotices: async (_parent, args, { em, loaders }) => {
    const notices = await new ApplicationRepository(em).inNotice(todayInChina(), {
      districtCode: district('district', args.district),
      programme: args.programme ?? null,
    });
    return Promise.all(
      notices.map(async (a) => ({
        id: a.noticeId!,
        maskedName: a.maskedName,
        districtCode: a.districtCode,
        programme: a.programme as never,
        programmeName: (await loaders.programme.load(a.programme as string))?.name ?? '',
        proposedAmount: a.proposedAmount!,
        startsOn: a.noticeStartsOn!,
        endsOn: a.noticeEndsOn!,
      })),
    );
  },

  supervision: (_parent, { filter }, ctx) =>
    supervisionBoard(ctx, {
      department: filter?.department ?? null,
      districtCode: district('filter.districtCode', filter?.districtCode),
      programme: filter?.programme ?? null,
    }),

  supervisionCards: (_parent, { acknowledged, first }, { em, caller }) => {
    const size = check.pageSize('first', first, 50);
    const department = caller.identity?.dept;
    return department ? new ApplicationRepository(em).cardsOfDepartment(department, acknowledged ?? false, size) : [];
  },

  onTimeRate: (_parent, { from, to }, ctx) => {
    check.date('to', to, { notBefore: from });
    return onTimeReport(ctx, from, to);
  },
};
