import type { EntityManager } from '@mikro-orm/postgresql';
import { columnList, keyMatch, rawQuery, readPlain, selectPlain, selector, type ReadMode } from '../../shared/sql';
import { OrganizationSchema, type Organization } from './organization.entity';
import { PenaltySchema, type Penalty } from './penalty.entity';

/** A checked organizations() filter. */
export interface OrganizationFilter {
  nameContains?: string;
  districtCode?: string;
  industryPrefix?: string;
  status?: Organization['status'];
}

/** Named queries of the legal-person registry. Each batch method is one statement. */
export class OrganizationRepository {
  private readonly select;
  private readonly columns;

  constructor(
    private readonly em: EntityManager,
    mode: ReadMode = {},
  ) {
    this.select = selector(em, mode);
    this.columns = columnList(em, OrganizationSchema);
  }

  findByCreditCodes(codes: readonly string[]): Promise<Organization[]> {
    return this.byKey('credit_code', 'bpchar', codes);
  }

  findByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.byKey('id', 'uuid', ids);
  }

  /** Organizations whose key column holds one of `keys` (a named statement per column and batch form). */
  private byKey(column: string, type: string, keys: readonly string[]): Promise<Organization[]> {
    const match = keyMatch(column, type, keys);
    return this.select(
      OrganizationSchema,
      `select ${this.columns} from organization where ${match.condition}`,
      [match.value],
      { prepared: true },
    );
  }

  /** Organizations whose legal representative is one of the given persons, by credit code. */
  findByRepresentatives(personIds: readonly string[]): Promise<Organization[]> {
    const match = keyMatch('legal_representative_id', 'uuid', personIds);
    return this.select(
      OrganizationSchema,
      `select ${this.columns} from organization where ${match.condition} order by credit_code`,
      [match.value],
      { prepared: true },
    );
  }

  /** Penalties of the given organizations, newest first. */
  penaltiesOf(organizationIds: readonly string[]): Promise<Penalty[]> {
    return this.select(
      PenaltySchema,
      'select * from penalty where organization_id = any(?::uuid[]) order by decided_on desc, decision_number',
      [organizationIds],
    );
  }

  findPenaltiesByDecisionNumbers(numbers: readonly string[]): Promise<Penalty[]> {
    return this.select(PenaltySchema, 'select * from penalty where decision_number = any(?::text[])', [numbers]);
  }

  /**
   * One page of organizations matching the filter, in credit-code order, after a credit code.
   * Read-only (the public feed): plain objects, not managed entities (see selectPlain).
   */
  search(filter: OrganizationFilter, limit: number, afterCreditCode: string | null): Promise<Organization[]> {
    const { where, bindings } = whereClause(filter);
    const conditions = afterCreditCode ? [...where, 'credit_code > ?'] : where;
    const sql = `select * from organization ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
      order by credit_code limit ?`;
    return selectPlain(this.em, OrganizationSchema, sql, [
      ...bindings,
      ...(afterCreditCode ? [afterCreditCode] : []),
      limit,
    ]);
  }

  /**
   * search and count in one statement: the page, each row carrying the filter's total (counted once,
   * over all pages). A page with no rows carries no total; `total` is then null (count it apart).
   */
  async searchCounted(
    filter: OrganizationFilter,
    limit: number,
    afterCreditCode: string | null,
  ): Promise<{ rows: Organization[]; total: number | null }> {
    const { where, bindings } = whereClause(filter);
    const conditions = afterCreditCode ? [...where, 'credit_code > ?'] : where;
    const sql = `select *, (select count(*) from organization ${where.length ? `where ${where.join(' and ')}` : ''}) as total_count
      from organization ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
      order by credit_code limit ?`;
    const found = await rawQuery<Record<string, unknown>>(this.em, sql, [
      ...bindings,
      ...bindings,
      ...(afterCreditCode ? [afterCreditCode] : []),
      limit,
    ]);
    const total = found.length > 0 ? Number(found[0].total_count) : null;
    const rows = found.map(({ total_count: _total, ...row }) => row);
    return { rows: readPlain(this.em, OrganizationSchema, rows), total };
  }

  async count(filter: OrganizationFilter): Promise<number> {
    const { where, bindings } = whereClause(filter);
    const [row] = await rawQuery<{ n: string }>(
      this.em,
      `select count(*) as n from organization ${where.length ? `where ${where.join(' and ')}` : ''}`,
      bindings,
    );
    return Number(row.n);
  }
}

function whereClause(filter: OrganizationFilter): { where: string[]; bindings: unknown[] } {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (filter.nameContains) {
    where.push(`name like ? escape '\\'`);
    bindings.push(`%${escapeLike(filter.nameContains)}%`);
  }
  if (filter.districtCode) {
    where.push('district_code = ?');
    bindings.push(filter.districtCode);
  }
  if (filter.industryPrefix) {
    where.push(`industry_code like ?`);
    bindings.push(`${filter.industryPrefix}%`);
  }
  if (filter.status) {
    where.push('status = ?');
    bindings.push(filter.status);
  }
  return { where, bindings };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
