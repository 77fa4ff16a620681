import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery, selectEntities } from '../../shared/sql';
import { ApplicationSchema, type Application } from './application.entity';
import { CaseStepSchema, type CaseStep } from './case-step.entity';
import { EligibilityFactSchema, type EligibilityFact } from './eligibility-fact.entity';
import { ObjectionSchema, type Objection } from './objection.entity';
import { ProgrammeSchema, type Programme } from './programme.entity';
import { SupervisionCardSchema, type SupervisionCard } from './supervision-card.entity';

/** Named queries of applications and what hangs off them. Each batch method is one statement. */
export class ApplicationRepository {
  constructor(private readonly em: EntityManager) {}

  allProgrammes(): Promise<Programme[]> {
    return selectEntities(this.em, ProgrammeSchema, 'select * from programme order by position', []);
  }

  programmesByCodes(codes: readonly string[]): Promise<Programme[]> {
    return selectEntities(this.em, ProgrammeSchema, 'select * from programme where code = any(?::text[])', [codes]);
  }

  findByIds(ids: readonly string[]): Promise<Application[]> {
    return selectEntities(this.em, ApplicationSchema, 'select * from application where id = any(?::uuid[])', [ids]);
  }

  findByReferences(references: readonly string[]): Promise<Application[]> {
    return selectEntities(this.em, ApplicationSchema, 'select * from application where reference = any(?::text[])', [
      references,
    ]);
  }

  findByNoticeId(noticeId: string): Promise<Application[]> {
    return selectEntities(this.em, ApplicationSchema, 'select * from application where notice_id = ?', [noticeId]);
  }

  /** One application, locked until the transaction ends (concurrent steps take turns). */
  async lock(id: string): Promise<Application | null> {
    const [found] = await selectEntities(
      this.em,
      ApplicationSchema,
      'select * from application where id = ? for update',
      [id],
    );
    return found ?? null;
  }

  /** Applications the person is applicant or a household member of, newest first. */
  ofPerson(personId: string): Promise<Application[]> {
    return selectEntities(
      this.em,
      ApplicationSchema,
      'select * from application where ? = any(member_ids) or applicant_id = ? order by submitted_at desc limit 100',
      [personId, personId],
    );
  }

  /** The applications a person made (as applicant), newest first, optionally of one programme. */
  madeBy(personId: string, programme: string | null): Promise<Application[]> {
    return selectEntities(
      this.em,
      ApplicationSchema,
      `select * from application where applicant_id = ? and (?::text is null or programme_code = ?)
        order by submitted_at desc, id limit 100`,
      [personId, programme, programme],
    );
  }

  /** A work queue: open or decided cases by filter, nearest deadline first. */
  queue(filter: { status?: string | null; programme?: string | null; districtCode?: string | null }, limit: number) {
    return selectEntities(
      this.em,
      ApplicationSchema,
      `select * from application
        where (?::text is null or status = ?) and (?::text is null or programme_code = ?) and (?::text is null or district_code = ?)
        order by deadline, submitted_at, id limit ?`,
      [
        filter.status ?? null,
        filter.status ?? null,
        filter.programme ?? null,
        filter.programme ?? null,
        filter.districtCode ?? null,
        filter.districtCode ?? null,
        limit,
      ],
    );
  }

  /** Every open case (not decided, not withdrawn), for supervision. */
  open(filter: { programme?: string | null; districtCode?: string | null } = {}): Promise<Application[]> {
    return selectEntities(
      this.em,
      ApplicationSchema,
      `select * from application
        where status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')
          and (?::text is null or programme_code = ?) and (?::text is null or district_code = ?)
        order by deadline, id`,
      [filter.programme ?? null, filter.programme ?? null, filter.districtCode ?? null, filter.districtCode ?? null],
    );
  }

  /** Notices whose period includes `day`. */
  inNotice(day: string, filter: { districtCode?: string | null; programme?: string | null }): Promise<Application[]> {
    return selectEntities(
      this.em,
      ApplicationSchema,
      `select * from application
        where status = 'PUBLIC_NOTICE' and notice_starts_on <= ? and notice_ends_on >= ?
          and (?::text is null or district_code = ?) and (?::text is null or programme_code = ?)
        order by notice_starts_on, reference limit 500`,
      [
        day,
        day,
        filter.districtCode ?? null,
        filter.districtCode ?? null,
        filter.programme ?? null,
        filter.programme ?? null,
      ],
    );
  }

  stepsOf(ids: readonly string[]): Promise<CaseStep[]> {
    return selectEntities(
      this.em,
      CaseStepSchema,
      'select * from case_step where application_id = any(?::uuid[]) order by id',
      [ids],
    );
  }

  objectionsOf(ids: readonly string[]): Promise<Objection[]> {
    return selectEntities(
      this.em,
      ObjectionSchema,
      'select * from objection where application_id = any(?::uuid[]) order by lodged_at, id',
      [ids],
    );
  }

  factsOf(ids: readonly string[]): Promise<EligibilityFact[]> {
    return selectEntities(
      this.em,
      EligibilityFactSchema,
      'select * from eligibility_fact where application_id = any(?::uuid[]) order by id',
      [ids],
    );
  }

  cardsOf(ids: readonly string[]): Promise<SupervisionCard[]> {
    return selectEntities(
      this.em,
      SupervisionCardSchema,
      'select * from supervision_card where application_id = any(?::uuid[]) order by id',
      [ids],
    );
  }

  cardsByIds(ids: readonly string[]): Promise<SupervisionCard[]> {
    return selectEntities(
      this.em,
      SupervisionCardSchema,
      'select * from supervision_card where id = any(?::bigint[])',
      [ids],
    );
  }

  /** A department's cards, oldest first: open (not acknowledged) or acknowledged. */
  cardsOfDepartment(department: string, acknowledged: boolean, limit: number): Promise<SupervisionCard[]> {
    return selectEntities(
      this.em,
      SupervisionCardSchema,
      `select * from supervision_card where department = ? and (acknowledged_at is not null) = ?
        order by raised_on, id limit ?`,
      [department, acknowledged, limit],
    );
  }

  /** Locks a card for its acknowledgement (two officers at once: one wins, the other is told). */
  lockCard(id: string): Promise<SupervisionCard[]> {
    return selectEntities(this.em, SupervisionCardSchema, 'select * from supervision_card where id = ? for update', [
      id,
    ]);
  }

  /** Cases decided between two days (China Standard Time), with whether on time. */
  decidedBetween(from: string, to: string) {
    return rawQuery<{ programme: string; department: string; districtCode: string; onTime: boolean }>(
      this.em,
      `select a.programme_code as programme, 'civil-affairs' as department, a.district_code as "districtCode", a.decided_on_time as "onTime"
         from application a
        where a.status in ('APPROVED', 'REJECTED') and (a.decided_at at time zone 'Asia/Shanghai')::date between ? and ?`,
      [from, to],
    );
  }
}
