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

/** A position in a person's materials, newest first: upload time and id. */
const MATERIAL_CURSOR = [check.cursorField.instant, check.cursorField.uuid] as const;

function positionOf([createdAt, id]: [string, string]): { createdAt: string; id: string } {
  return { createdAt, id };
}

export async function materialPage(
  ctx: CertificateContext,
  ownerId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<MaterialPage> {
  const size = check.pageSize('first', first);
  const position = after ? positionOf(check.decodeCursor('after', after, MATERIAL_CURSOR)) : null;
  const rows = await new MaterialRepository(ctx.em).pageOf(ownerId, size + 1, position);
  const page = rows.slice(0, size);
  const cursorOf = (m: Material) => check.encodeCursor(MATERIAL_CURSOR, [m.createdAt.toISOString(), m.id]);
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null },
    ownerId,
  };
}

export const MaterialConnection: MaterialConnectionResolvers = {
  totalCount: (page, _args, { em }) => new MaterialRepository(em).countOwnedBy(page.ownerId),
};
