import { randomUUID } from 'node:crypto';
import type { MutationResolvers } from '../generated/graphql';
import { todayInChina } from '../../shared/calendar';
import { badUserInput } from '../../shared/errors';
import { rawQuery } from '../../shared/sql';
import * as check from '../../shared/validation';
import { acknowledgeCard, apply, transition } from '../cases';
import { ApplicationRepository } from '../entities/application.repository';

export const Mutation: MutationResolvers = {
  applyForAssistance: (_parent, { input }, ctx) => apply(ctx, input),

  transitionApplication: (_parent, { input }, ctx) => transition(ctx, input),

  acknowledgeSupervisionCard: (_parent, { input }, ctx) => acknowledgeCard(ctx, input),

  objectToNotice: async (_parent, { input }, ctx) => {
    const noticeId = check.uuid('input.noticeId', input.noticeId).toLowerCase();
    const text = check.text('input.text', input.text, { max: 500 });
    const today = todayInChina();
    const [application] = await new ApplicationRepository(ctx.em).findByNoticeId(noticeId);
    // Only during the notice period; a notice that ended or never existed answers alike.
    if (
      !application ||
      application.status !== 'PUBLIC_NOTICE' ||
      !application.noticeStartsOn ||
      today < application.noticeStartsOn ||
      today > application.noticeEndsOn!
    ) {
      throw badUserInput(
        'input.noticeId',
        'in-notice',
        `input.noticeId ${noticeId} is not a notice in its notice period today (${today})`,
      );
    }
    const identity = ctx.caller.identity;
    const id = randomUUID();
    const [row] = await rawQuery<{ lodgedAt: Date | string }>(
      ctx.em,
      `insert into objection (id, application_id, text, lodged_at, lodged_by_sub, lodged_by_role, lodged_by_dept)
       values (?, ?, ?, now(), ?, ?, ?) returning lodged_at as "lodgedAt"`,
      [id, application.id, text, identity?.sub ?? null, identity?.role ?? null, identity?.dept ?? null],
    );
    return { id, lodgedAt: new Date(row.lodgedAt).toISOString() };
  },
};
