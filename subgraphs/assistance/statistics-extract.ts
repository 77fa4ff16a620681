import type { StatisticsExtract } from '../shared/statistics/extract';

/**
 * What the assistance registry sends to statistics, per applicant: their latest application's
 * programme and decision (APPROVED, REJECTED, PENDING, WITHDRAWN), the approved monthly amount when
 * approved, the declared monthly household income, and whether the decision came on time. No
 * reference, reason, household member or date.
 */
export const statisticsExtract: StatisticsExtract = {
  population: 'person',
  attributes: ['programme', 'decision', 'benefitAmount', 'declaredIncome', 'decidedOnTime'],
  query: (asOf) => ({
    sql: `select distinct on (applicant_id) applicant_id, programme_code, status, approved_amount,
                 declared_monthly_income, decided_on_time
            from application
           where submitted_at < (?::date + 1)
           order by applicant_id, submitted_at desc`,
    bindings: [asOf],
  }),
  row: (raw) => {
    const row = raw as {
      applicant_id: string;
      programme_code: string;
      status: string;
      approved_amount: string | null;
      declared_monthly_income: string;
      decided_on_time: boolean | null;
    };
    return {
      subjectId: row.applicant_id,
      key: row.applicant_id,
      values: {
        programme: row.programme_code,
        decision:
          row.status === 'APPROVED' || row.status === 'REJECTED' || row.status === 'WITHDRAWN' ? row.status : 'PENDING',
        benefitAmount: row.status === 'APPROVED' && row.approved_amount !== null ? Number(row.approved_amount) : null,
        declaredIncome: Number(row.declared_monthly_income),
        decidedOnTime: row.decided_on_time,
      },
    };
  },
};
