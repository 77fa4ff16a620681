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

function encodeAccessCursor(record: StoredAccessRecord): string {
  return check.encodeCursor([record.at, record.registry, record.seq]);
}

function decodeAccessCursor(cursor: string): AccessCursor {
  const [at, registry, seq] = check.decodeCursor('after', cursor, 3);
  if (
    typeof at !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) ||
    Number.isNaN(Date.parse(at)) ||
    typeof registry !== 'string' ||
    !/^[a-z-]{1,40}$/.test(registry) ||
    typeof seq !== 'number' ||
    !Number.isSafeInteger(seq) ||
    seq < 1
  ) {
    return check.decodeCursor('after', '', 3) as never; // throws the standard cursor error
  }
  return { at, registry, seq };
}
