import type { MaterialConnectionResolvers } from '../generated/graphql';
import { MaterialRepository } from '../entities/material.repository';
import type { Material } from '../entities/material.entity';
import type { CertificateContext } from '../context';
import * as check from '../../shared/validation';

/** A page of a person's materials, newest first; totalCount is counted only when asked for. */
export interface MaterialPage {
  edges: { cursor: string; node: Material }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  ownerId: string;
}

export async function materialPage(
  ctx: CertificateContext,
  ownerId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<MaterialPage> {
  const size = check.pageSize('first', first);
  let position: { createdAt: string; id: string } | null = null;
  if (after) {
    const [createdAt, id] = check.decodeCursor('after', after, 2);
    if (
      typeof createdAt !== 'string' ||
      Number.isNaN(Date.parse(createdAt)) ||
      typeof id !== 'string' ||
      !check.isUuid(id)
    ) {
      check.decodeCursor('after', '', 2); // the same BAD_USER_INPUT as any cursor this API did not issue
    }
    position = { createdAt: createdAt as string, id: id as string };
  }
  const rows = await new MaterialRepository(ctx.em).pageOf(ownerId, size + 1, position);
  const page = rows.slice(0, size);
  const cursorOf = (m: Material) => check.encodeCursor([m.createdAt.toISOString(), m.id]);
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null },
    ownerId,
  };
}

export const MaterialConnection: MaterialConnectionResolvers = {
  totalCount: (page, _args, { em }) => new MaterialRepository(em).countOwnedBy(page.ownerId),
};
