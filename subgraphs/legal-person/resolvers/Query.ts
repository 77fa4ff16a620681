import type { OrganizationFilter as FilterInput, QueryResolvers } from '../generated/graphql';
import { OrganizationRepository, type OrganizationFilter } from '../entities/organization.repository';
import { selectsSubfield } from '../../shared/selection';
import * as check from '../../shared/validation';
import type { OrganizationPage } from './OrganizationConnection';

/** A page of organizations ends at a credit code (the order of the list). */
const ORGANIZATION_CURSOR = [check.cursorField.matching(/^[0-9A-HJ-NP-RTUWXY]{18}$/)] as const;

export const Query: QueryResolvers = {
  organization: (_parent, { creditCode }, { loaders }) =>
    loaders.organization.load(check.creditCode('creditCode', creditCode).creditCode),

  organizations: async (_parent, { filter, first, after }, { em }, info): Promise<OrganizationPage> => {
    const clean = cleanFilter(filter ?? {});
    const size = check.pageSize('first', first);
    const afterCode = after ? check.decodeCursor('after', after, ORGANIZATION_CURSOR)[0] : null;
    const organizations = new OrganizationRepository(em);
    // Asked for the total too (the public feed always is): the page and the count in one statement.
    const { rows, total } = selectsSubfield(info, 'totalCount')
      ? await organizations.searchCounted(clean, size + 1, afterCode)
      : { rows: await organizations.search(clean, size + 1, afterCode), total: null };
    const page = rows.slice(0, size);
    const last = page.at(-1);
    return {
      edges: page.map((node) => ({ cursor: check.encodeCursor(ORGANIZATION_CURSOR, [node.creditCode]), node })),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? check.encodeCursor(ORGANIZATION_CURSOR, [last.creditCode]) : null,
      },
      filter: clean,
      totalCount: total,
    };
  },
};

function cleanFilter(filter: FilterInput): OrganizationFilter {
  return {
    nameContains:
      filter.nameContains == null ? undefined : check.text('filter.nameContains', filter.nameContains, { max: 50 }),
    districtCode:
      filter.districtCode == null ? undefined : check.chengduDistrict('filter.districtCode', filter.districtCode),
    industryPrefix:
      filter.industryCode == null
        ? undefined
        : check.industryCode('filter.industryCode', filter.industryCode, { allowPrefix: true }),
    status: filter.status ?? undefined,
  };
}
