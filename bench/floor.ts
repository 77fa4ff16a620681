/**
 * The floor: what no GraphQL stack can beat for the public page. A bare node:http handler that
 * takes the same request (POST /graphql, the Feed operation with its variables), runs the same SQL
 * as the legal-person registry (subgraphs/legal-person/entities/organization.repository.ts) with
 * `pg`, and writes the same JSON bytes the gateway answers with. No schema, no validation beyond
 * what keeps it correct, no logging. The bench starts it as its own process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { OPERATIONS } from './operations';

const feed = OPERATIONS.find((op) => op.id === 'public-page');
if (!feed) throw new Error('bench/operations.ts has no public-page operation for the floor to serve');

const port = Number(process.env.FLOOR_PORT);
const databaseUrl = process.env.LEGAL_PERSON_DATABASE_URL;
if (!port || !databaseUrl)
  throw new Error('FLOOR_PORT and LEGAL_PERSON_DATABASE_URL must be set (npm run bench sets them)');

// As many connections as a registry's pool (subgraphs/shared/orm.ts).
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

interface FeedVariables {
  f?: { nameContains?: string; districtCode?: string; industryCode?: string; status?: string } | null;
  first?: number;
  after?: string | null;
}

interface OrganizationRow {
  credit_code: string;
  name: string;
  type: string;
  status: string;
  industry_code: string;
  district_code: string;
}

function cursorOf(creditCode: string): string {
  return Buffer.from(JSON.stringify([creditCode])).toString('base64url');
}

/** The registry's whereClause, with $n placeholders. */
function where(filter: FeedVariables['f']): { conditions: string[]; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter?.nameContains) {
    values.push(`%${filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`name like $${values.length} escape '\\'`);
  }
  if (filter?.districtCode) {
    values.push(filter.districtCode);
    conditions.push(`district_code = $${values.length}`);
  }
  if (filter?.industryCode) {
    values.push(`${filter.industryCode.trim().toUpperCase()}%`);
    conditions.push(`industry_code like $${values.length}`);
  }
  if (filter?.status) {
    values.push(filter.status);
    conditions.push(`status = $${values.length}`);
  }
  return { conditions, values };
}

async function page(variables: FeedVariables): Promise<string> {
  const size = variables.first ?? 20;
  const { conditions, values } = where(variables.f);
  const filtered = conditions.length ? `where ${conditions.join(' and ')}` : '';
  // As the registry does (OrganizationRepository.searchCounted): the page and the filter's total in
  // one statement, and a page past the end counts apart.
  const pageConditions = [...conditions];
  const pageValues = [...values];
  if (variables.after) {
    pageValues.push((JSON.parse(Buffer.from(variables.after, 'base64url').toString('utf8')) as string[])[0]);
    pageConditions.push(`credit_code > $${pageValues.length}`);
  }
  pageValues.push(size + 1);
  const found = await pool.query<OrganizationRow & { total_count: string }>(
    `select *, (select count(*) from organization ${filtered}) as total_count
      from organization ${pageConditions.length ? `where ${pageConditions.join(' and ')}` : ''}
      order by credit_code limit $${pageValues.length}`,
    pageValues,
  );
  const total =
    found.rows.length > 0
      ? Number(found.rows[0].total_count)
      : Number(
          (await pool.query<{ n: string }>(`select count(*) as n from organization ${filtered}`, values)).rows[0].n,
        );
  const nodes = found.rows.slice(0, size);
  const last = nodes.at(-1);
  // Keys in the order the query selects them, and a final newline, as Apollo Server writes them.
  return `${JSON.stringify({
    data: {
      organizations: {
        totalCount: total,
        edges: nodes.map((row) => ({
          cursor: cursorOf(row.credit_code),
          node: {
            creditCode: row.credit_code,
            name: row.name,
            type: row.type,
            status: row.status,
            industryCode: row.industry_code,
            districtCode: row.district_code,
          },
        })),
        pageInfo: { hasNextPage: found.rows.length > size, endCursor: last ? cursorOf(last.credit_code) : null },
      },
    },
  })}\n`;
}

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' && req.url === '/health') return answer(res, 200, '{"status":"ok"}');
  if (req.method !== 'POST' || req.url !== '/graphql') return answer(res, 404, '{"errors":[{"message":"not found"}]}');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let request: { query?: unknown; variables?: FeedVariables };
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return answer(res, 400, '{"errors":[{"message":"the body is not JSON"}]}');
  }
  if (request.query !== feed!.query) {
    return answer(res, 400, '{"errors":[{"message":"the floor serves only the public-page operation"}]}');
  }
  try {
    answer(res, 200, await page(request.variables ?? {}));
  } catch (error) {
    console.error(error);
    answer(res, 500, '{"errors":[{"message":"internal error"}]}');
  }
}

const server = createServer((req, res) => void handle(req, res));

async function stop(): Promise<void> {
  server.close();
  server.closeAllConnections();
  await pool.end();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
process.once('disconnect', () => void stop());

server.listen(port, '127.0.0.1', () => process.send?.({ ready: true }));
