import { REGISTRY_NAMES, type RegistryName } from '../../catalog';
import type { DataTrackerContext } from '../context';
import type { AccessRecordsQuery } from '../registry-client';
import * as check from '../../shared/validation';
import type { AccessCursor } from '../../shared/access-log/query';
import type { StoredAccessRecord } from '../../shared/access-log/chain';

export interface AccessRecordPage {
  edges: { cursor: string; node: StoredAccessRecord }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One page of the merged access log, with a cursor naming the last record shown. */
export async function accessRecordPage(
  ctx: DataTrackerContext,
  args: Omit<AccessRecordsQuery, 'after' | 'limit'> & { first?: number | null; after?: string | null },
): Promise<AccessRecordPage> {
  const size = check.pageSize('first', args.first);
  const after = args.after ? decodeAccessCursor(args.after) : undefined;
  const { first: _first, after: _after, ...filter } = args;
  const records = await ctx.accessLogs.read(ctx.caller, { ...filter, after, limit: size + 1 });
  const page = records.slice(0, size);
  const last = page.at(-1);
  return {
    edges: page.map((node) => ({ cursor: encodeAccessCursor(node), node })),
    pageInfo: { hasNextPage: records.length > size, endCursor: last ? encodeAccessCursor(last) : null },
  };
}

/** The last record shown: its time, registry and position in that registry's chain (the merged order). */
const ACCESS_CURSOR = [
  check.cursorField.instant,
  check.cursorField.oneOf(REGISTRY_NAMES),
  check.cursorField.count,
] as const;

function encodeAccessCursor(record: StoredAccessRecord): string {
  return check.encodeCursor(ACCESS_CURSOR, [record.at, record.registry as RegistryName, record.seq]);
}

function decodeAccessCursor(cursor: string): AccessCursor {
  const [at, registry, seq] = check.decodeCursor('after', cursor, ACCESS_CURSOR);
  return { at, registry, seq };
}
