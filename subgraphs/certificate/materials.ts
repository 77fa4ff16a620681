import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Knex } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ASSERTION_HEADER } from '../shared/assertion';
import { intFromEnv } from '../shared/config';
import { checkedData, DelegatedCallError, graphQuery } from '../shared/graph';
import { grants } from '../shared/rules';
import type { Caller } from '../shared/identity';
import { MATERIALS_PATH, MAX_MATERIAL_BYTES, MaterialRouteError, sendMaterialError } from '../shared/material-routes';
import type { RegistryRouteTools } from '../shared/registry';
import { refuseUnsigned } from '../shared/server';
import { isUuid } from '../shared/validation';
import { MaterialSchema, type MediaType } from './entities/material.entity';
import { textColumn } from '../shared/columns';
import { extensionOf, sniff, SNIFF_BYTES, ZIP_TAIL_BYTES, zipListsEntry } from './media-type';
import { PERSON_DATA_REQUIREMENT, PURPOSE_REQUIREMENT, personDataDecision } from './permissions';

/**
 * The certificate registry's own HTTP routes for material files, behind the gateway's signature
 * like GraphQL (the assertion is bound to the method and the request target, and used once):
 *
 * POST /materials?kind=&person=&name=   stores a file. The body streams into PostgreSQL in chunks
 *   of 256 KiB (material_content rows) inside one transaction, SHA-256 computed on the way; the
 *   material row is inserted last, with `on conflict (owner, sha256) do nothing`, so the same
 *   bytes from the same owner are one material (concurrent identical uploads wait for the first
 *   and answer with its id) and nothing of an upload is visible, or kept, unless all of it commits.
 *   A crash, a disconnect, a wrong type or a body over the limit rolls everything back.
 * GET /materials/{id}                   streams a file back, after the same permission check as
 *   Query.material and an access record written before the first byte leaves.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The file name given at upload: as long as its column. */
const FILE_NAME = textColumn(MaterialSchema, 'fileName');

/** Bytes per material_content row. */
export const CONTENT_CHUNK_BYTES = 256 * 1024;
/** An upload that sends nothing for this long is abandoned (its transaction rolled back). */
const UPLOAD_IDLE_MS = 30_000;
/** Chunk rows read per query when serving a file (1 MiB). */
const DOWNLOAD_PAGE_ROWS = 4;

/** Whether the material owner an officer names exists in the natural-person registry. Needs person:read. */
const MaterialOwnerCheck = graphQuery<{ person: { id: string } | null }, { id: string }>(
  'query CertificateMaterialOwnerCheck($id: ID!) { person(id: $id) { id } }',
);

interface StoredMaterial {
  id: string;
  kind: string;
  size: number;
  mediaType: MediaType;
  sha256: string;
  fileName: string | null;
  uploadedAt: string;
}

export function mountMaterialRoutes(
  app: express.Express,
  authenticate: (req: Request) => Promise<Caller>,
  tools: RegistryRouteTools,
): void {
  const { knex, log } = tools;
  // Each upload holds a database connection while it streams: at most this many at once, so
  // GraphQL always has connections left; the others wait their turn (their bodies wait in TCP).
  const slots = new Slots(intFromEnv('MATERIAL_UPLOAD_CONCURRENCY', 4), 200);

  app.post(MATERIALS_PATH, async (req, res) => {
    let caller: Caller;
    try {
      caller = await authenticate(req);
    } catch (error) {
      answerAndDiscard(req, res, () => refuseUnsigned(res, error, log, 'certificate', req));
      return;
    }
    res.setHeader('x-request-id', caller.requestId);
    const recorder = tools.accessRecorder(caller);
    let subject: string | null = null;
    try {
      const params = uploadParameters(req.query);
      subject = params.person ?? caller.identity?.sub ?? null;
      const owner = ownerOf(caller, params.person);
      const declared = req.get('content-length');
      if (declared !== undefined && Number(declared) > MAX_MATERIAL_BYTES) throw tooLarge();
      await requireKind(knex, params.kind);
      if (caller.identity?.role === 'officer') {
        await requireOwnerExists(tools, caller, req.get(ASSERTION_HEADER)!, owner);
      }
      const stored = await slots.run(() => store(req, knex, recorder, caller, { ...params, owner }));
      log.info(
        { requestId: caller.requestId, material: stored.material.id, size: stored.material.size },
        stored.created ? 'material stored' : 'material already on file',
      );
      res.status(stored.created ? 201 : 200).json({ material: { ...stored.material, created: stored.created } });
    } catch (error) {
      const refusal = asRouteError(error, caller, log);
      if ((refusal.status === 401 || refusal.status === 403) && subject !== null && isUuid(subject)) {
        recorder.note([subject], 'Material.content', 'denied', 'write');
        await recorder
          .flush()
          .catch((e: Error) => log.error({ requestId: caller.requestId, err: e }, 'access log write failed'));
      }
      answerAndDiscard(req, res, () => sendMaterialError(res, refusal));
    }
  });

  app.get(`${MATERIALS_PATH}/:id`, async (req, res) => {
    let caller: Caller;
    try {
      caller = await authenticate(req);
    } catch (error) {
      refuseUnsigned(res, error, log, 'certificate', req);
      return;
    }
    res.setHeader('x-request-id', caller.requestId);
    try {
      const id = String(req.params.id);
      if (!isUuid(id)) {
        throw new MaterialRouteError(400, 'BAD_USER_INPUT', `${JSON.stringify(id)} is not a material id (UUID)`, {
          argument: 'id',
          rule: 'uuid',
        });
      }
      const material = (
        await knex.raw<{ rows: MaterialRow[] }>(`select ${MATERIAL_COLUMNS} from material where id = ?`, [
          id.toLowerCase(),
        ])
      ).rows[0];
      const decision = personDataDecision(caller, material?.ownerId ?? null);
      const recorder = tools.accessRecorder(caller);
      if (decision !== 'granted') {
        if (material) {
          recorder.note([material.ownerId], 'Material.content', 'denied');
          await recorder.flush();
        }
        throw refusedRead(caller, decision);
      }
      if (!material) throw new MaterialRouteError(404, 'NOT_FOUND', `There is no material ${id}.`);
      // The record is written before the first byte leaves: no file without its access record.
      recorder.note([material.ownerId], 'Material.content', 'granted');
      await recorder.flush();
      await sendContent(knex, res, material);
    } catch (error) {
      if (res.headersSent) {
        log.error({ requestId: caller.requestId, err: error as Error }, 'material download broke off');
        res.destroy();
        return;
      }
      sendMaterialError(res, asRouteError(error, caller, log));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Upload

interface UploadParameters {
  kind: string;
  person: string | null;
  name: string | null;
}

function uploadParameters(query: Request['query']): UploadParameters {
  const single = (name: string): string | null => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      throw new MaterialRouteError(400, 'BAD_USER_INPUT', `give the query parameter ${name} once`, {
        argument: name,
        rule: 'single',
      });
    }
    return value;
  };
  for (const name of Object.keys(query)) {
    if (!['kind', 'person', 'name'].includes(name)) {
      throw new MaterialRouteError(
        400,
        'BAD_USER_INPUT',
        `unknown query parameter ${name}; an upload takes kind, person and name`,
        {
          argument: name,
          rule: 'unknown',
        },
      );
    }
  }
  const kind = single('kind');
  if (kind === null || !/^[A-Z][A-Z_]{0,39}$/.test(kind)) {
    throw new MaterialRouteError(
      400,
      'BAD_USER_INPUT',
      'kind must name a material kind, e.g. ?kind=INCOME_PROOF (Query.materialKinds lists them)',
      { argument: 'kind', rule: 'required' },
    );
  }
  const person = single('person');
  if (person !== null && !isUuid(person)) {
    throw new MaterialRouteError(400, 'BAD_USER_INPUT', `person ${JSON.stringify(person)} must be a person id (UUID)`, {
      argument: 'person',
      rule: 'uuid',
    });
  }
  const name = single('name');
  if (name !== null && (name.trim().length === 0 || [...name].length > FILE_NAME.max || CONTROL.test(name))) {
    throw new MaterialRouteError(
      400,
      'BAD_USER_INPUT',
      `name must be 1 to ${FILE_NAME.max} characters without control characters`,
      {
        argument: 'name',
        rule: 'length',
      },
    );
  }
  return { kind, person: person?.toLowerCase() ?? null, name: name?.trim() ?? null };
}

/** Whose material an upload is: a citizen's own, or the applicant an officer names. */
function ownerOf(caller: Caller, person: string | null): string {
  const identity = caller.identity;
  if (!identity) throw new MaterialRouteError(401, 'UNAUTHENTICATED', 'Uploading a material needs a bearer token.');
  if (identity.role === 'citizen') {
    if (person !== null && person !== identity.sub) {
      throw new MaterialRouteError(403, 'FORBIDDEN', 'A citizen uploads their own materials only: omit person.');
    }
    return identity.sub;
  }
  if (identity.role === 'officer') {
    if (!grants(identity.scopes, 'certificate:write')) {
      throw new MaterialRouteError(
        403,
        'FORBIDDEN',
        'An officer uploading for an applicant needs scope certificate:write.',
      );
    }
    if (!caller.purpose) {
      throw new MaterialRouteError(
        403,
        'FORBIDDEN',
        'An officer uploading for an applicant sends X-Purpose naming the application.',
      );
    }
    if (person === null) {
      throw new MaterialRouteError(400, 'BAD_USER_INPUT', 'Name the applicant with ?person=<their person id>.', {
        argument: 'person',
        rule: 'required',
      });
    }
    return person;
  }
  throw new MaterialRouteError(
    403,
    'FORBIDDEN',
    'Materials are uploaded by citizens (their own) and by officers (for an applicant).',
  );
}

async function requireKind(knex: Knex, kind: string): Promise<void> {
  const found = await knex.raw<{ rows: unknown[] }>('select 1 from material_kind where code = ?', [kind]);
  if (found.rows.length === 0) {
    throw new MaterialRouteError(
      400,
      'BAD_USER_INPUT',
      `kind ${kind} is not a material kind; Query.materialKinds lists them`,
      {
        argument: 'kind',
        rule: 'exists',
      },
    );
  }
}

/** An officer names the applicant: they must exist in the natural-person registry (asked as the officer). */
async function requireOwnerExists(
  tools: RegistryRouteTools,
  caller: Caller,
  assertion: string,
  owner: string,
): Promise<void> {
  const { person } = checkedData(await tools.graphFor(caller, assertion).query(MaterialOwnerCheck, { id: owner }), {
    argument: 'person',
    registry: 'natural-person',
    needs: 'scope person:read',
  });
  if (!person) {
    throw new MaterialRouteError(
      400,
      'BAD_USER_INPUT',
      `person ${owner} is not a person in the natural-person registry`,
      {
        argument: 'person',
        rule: 'exists',
      },
    );
  }
}

function tooLarge(): MaterialRouteError {
  return new MaterialRouteError(
    413,
    'PAYLOAD_TOO_LARGE',
    `A material may be at most ${MAX_MATERIAL_BYTES} bytes (10 MiB); nothing was kept. Scan at a lower resolution or split the document.`,
  );
}

function unsupported(what: string): MaterialRouteError {
  return new MaterialRouteError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `${what}; a material must be a PDF, JPEG, PNG or OFD file (recognised from its bytes, not its declared type). Nothing was kept.`,
  );
}

/** A rollback that is not a failure: the same bytes are already on file for this owner. */
class AlreadyOnFile extends Error {
  constructor(readonly sha256: string) {
    super('already on file');
  }
}

const MATERIAL_COLUMNS = `id, kind_code as kind, size, media_type as "mediaType", sha256, file_name as "fileName",
  owner_id as "ownerId", to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "uploadedAt"`;

interface MaterialRow extends StoredMaterial {
  ownerId: string;
}

/** Streams the body into one transaction; see the module comment. */
async function store(
  req: Request,
  knex: Knex,
  recorder: ReturnType<RegistryRouteTools['accessRecorder']>,
  caller: Caller,
  upload: UploadParameters & { owner: string },
): Promise<{ material: StoredMaterial; created: boolean }> {
  try {
    return await knex.transaction(async (trx) => {
      const id = randomUUID();
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      let head: Buffer = Buffer.alloc(0);
      let detected: ReturnType<typeof sniff> | undefined;
      let tail: Buffer = Buffer.alloc(0);
      let pending: Buffer[] = [];
      let pendingBytes = 0;

      const write = async (final: boolean) => {
        while (pendingBytes >= CONTENT_CHUNK_BYTES || (final && pendingBytes > 0)) {
          const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
          const block = all.subarray(0, Math.min(CONTENT_CHUNK_BYTES, all.length));
          const rest = all.subarray(block.length);
          await trx.raw('insert into material_content (material_id, seq, bytes) values (?, ?, ?)', [id, seq, block]);
          seq += 1;
          pending = rest.length > 0 ? [rest] : [];
          pendingBytes = rest.length;
        }
      };

      const idle = new IdleTimer(req, UPLOAD_IDLE_MS);
      try {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          idle.reset();
          size += chunk.length;
          if (size > MAX_MATERIAL_BYTES) throw tooLarge();
          hash.update(chunk);
          if (detected === undefined && head.length < SNIFF_BYTES) {
            head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
            if (head.length === SNIFF_BYTES) {
              detected = sniff(head);
              // Refused at the first bytes, before anything more is read or written.
              if (detected === null) throw unsupported('The file is not one of the accepted types');
            }
          }
          if (detected !== 'image/jpeg' && detected !== 'image/png' && detected !== 'application/pdf') {
            tail = keepLast(tail, chunk, ZIP_TAIL_BYTES);
          }
          pending.push(chunk);
          pendingBytes += chunk.length;
          await write(false);
        }
      } finally {
        idle.stop();
      }
      if (size === 0) {
        throw new MaterialRouteError(
          400,
          'BAD_USER_INPUT',
          'The body is empty: send the file as the request body. Nothing was kept.',
          {
            argument: 'body',
            rule: 'empty',
          },
        );
      }
      if (detected === undefined) detected = sniff(head);
      if (detected === null) throw unsupported('The file is not one of the accepted types');
      await write(true);
      let mediaType: MediaType;
      if (detected === 'zip') {
        const isOfd = await zipListsEntry(
          tail,
          size,
          (offset, length) => readRange(trx, id, offset, length),
          'OFD.xml',
        );
        if (!isOfd) throw unsupported('The file is a ZIP package without an OFD.xml entry, so not an OFD document');
        mediaType = 'application/ofd';
      } else {
        mediaType = detected;
      }
      const sha256 = hash.digest('hex');
      const identity = caller.identity!;
      const inserted = await trx.raw<{ rows: MaterialRow[] }>(
        `insert into material (id, created_at, updated_at, owner_id, kind_code, size, media_type, sha256, file_name,
           uploaded_by_sub, uploaded_by_role, uploaded_by_dept)
         values (?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (owner_id, sha256) do nothing
         returning ${MATERIAL_COLUMNS}`,
        [
          id,
          upload.owner,
          upload.kind,
          size,
          mediaType,
          sha256,
          upload.name,
          identity.sub,
          identity.role,
          identity.dept,
        ],
      );
      if (inserted.rows.length === 0) throw new AlreadyOnFile(sha256);
      await recorder.writeWithin(trx, [
        { action: 'write', outcome: 'granted', subjectId: upload.owner, fields: ['Material.content'] },
      ]);
      const { ownerId: _owner, ...material } = inserted.rows[0];
      return { material, created: true };
    });
  } catch (error) {
    if (!(error instanceof AlreadyOnFile)) throw error;
    const existing = await knex.raw<{ rows: MaterialRow[] }>(
      `select ${MATERIAL_COLUMNS} from material where owner_id = ? and sha256 = ?`,
      [upload.owner, error.sha256],
    );
    const { ownerId: _owner, ...material } = existing.rows[0];
    return { material, created: false };
  }
}

function keepLast(tail: Buffer, chunk: Buffer, bytes: number): Buffer {
  if (chunk.length >= bytes) return Buffer.from(chunk.subarray(chunk.length - bytes));
  const joined = Buffer.concat([tail, chunk]);
  return joined.length > bytes ? Buffer.from(joined.subarray(joined.length - bytes)) : joined;
}

/** Bytes `offset` to `offset + length` of the material being written, from its chunks in this transaction. */
async function readRange(trx: Knex.Transaction, id: string, offset: number, length: number): Promise<Buffer> {
  const first = Math.floor(offset / CONTENT_CHUNK_BYTES);
  const last = Math.floor((offset + length - 1) / CONTENT_CHUNK_BYTES);
  const rows = await trx.raw<{ rows: { bytes: Buffer }[] }>(
    'select bytes from material_content where material_id = ? and seq between ? and ? order by seq',
    [id, first, last],
  );
  const joined = Buffer.concat(rows.rows.map((r) => r.bytes));
  const start = offset - first * CONTENT_CHUNK_BYTES;
  return joined.subarray(start, start + length);
}

/** Destroys the request (and so the upload's transaction) when no bytes arrive for a while. */
class IdleTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly req: Request,
    private readonly ms: number,
  ) {
    this.reset();
  }

  reset(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () =>
        this.req.destroy(
          new MaterialRouteError(
            408,
            'REQUEST_TIMEOUT',
            `No bytes arrived for ${this.ms / 1000} s; the upload was abandoned and nothing was kept.`,
          ),
        ),
      this.ms,
    );
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** A counting semaphore with a bounded queue: more waiting than `queue` is refused (503). */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) {
      if (this.waiting.length >= this.queue) {
        throw new MaterialRouteError(
          503,
          'SERVICE_UNAVAILABLE',
          'Too many uploads are in progress; try again in a minute.',
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/**
 * Answers an upload that may not have been read to the end. The rest of the body is read and
 * dropped (for at most a few seconds), so the client gets the answer rather than a reset connection.
 */
function answerAndDiscard(req: Request, res: Response, send: () => void): void {
  const unread = !req.complete && !req.destroyed;
  if (unread && !res.headersSent) res.setHeader('connection', 'close');
  try {
    send();
  } catch {
    // the connection is already gone
  }
  if (unread) {
    req.resume();
    const timer = setTimeout(() => req.socket?.destroy(), 5_000);
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
  }
}

// ---------------------------------------------------------------------------------------------
// Download

async function sendContent(knex: Knex, res: Response, material: MaterialRow): Promise<void> {
  const fileName = `${material.id}.${extensionOf(material.mediaType)}`;
  res.status(200);
  res.setHeader('content-type', material.mediaType);
  res.setHeader('content-length', String(material.size));
  res.setHeader(
    'content-disposition',
    material.fileName
      ? `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(material.fileName)}`
      : `attachment; filename="${fileName}"`,
  );
  res.setHeader('etag', `"${material.sha256}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  let next = 0;
  for (;;) {
    const page = await knex.raw<{ rows: { seq: number; bytes: Buffer }[] }>(
      'select seq, bytes from material_content where material_id = ? and seq >= ? order by seq limit ?',
      [material.id, next, DOWNLOAD_PAGE_ROWS],
    );
    for (const row of page.rows) {
      if (!res.write(row.bytes) && (await drainedOrClosed(res)) === 'close') return;
    }
    if (page.rows.length < DOWNLOAD_PAGE_ROWS) break;
    next = page.rows[page.rows.length - 1].seq + 1;
  }
  res.end();
}

/**
 * Waits until the client has taken what was written ('drain') or has gone ('close'). The listener
 * that did not fire is removed, so a long download does not pile up listeners on the response.
 */
async function drainedOrClosed(res: Response): Promise<'drain' | 'close'> {
  const waiting = new AbortController();
  const settled = (event: 'drain' | 'close') => () => event;
  try {
    return await Promise.race([
      once(res, 'drain', { signal: waiting.signal }).then(settled('drain')),
      once(res, 'close', { signal: waiting.signal }).then(settled('close')),
    ]);
  } finally {
    waiting.abort();
  }
}

function refusedRead(caller: Caller, decision: 'needs-purpose' | 'refused'): MaterialRouteError {
  if (!caller.identity)
    return new MaterialRouteError(
      401,
      'UNAUTHENTICATED',
      `A material ${PERSON_DATA_REQUIREMENT}; send a bearer token.`,
    );
  return new MaterialRouteError(
    403,
    'FORBIDDEN',
    `A material ${decision === 'needs-purpose' ? PURPOSE_REQUIREMENT : PERSON_DATA_REQUIREMENT}.`,
  );
}

/** Any failure as a route error: ours as they are, a delegated check's in kind, anything else internal (logged). */
function asRouteError(error: unknown, caller: Caller, log: RegistryRouteTools['log']): MaterialRouteError {
  if (error instanceof MaterialRouteError) return error;
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    if (code === 'FORBIDDEN') return new MaterialRouteError(403, 'FORBIDDEN', error.message);
    if (code === 'SUBGRAPH_UNAVAILABLE')
      return new MaterialRouteError(503, 'SUBGRAPH_UNAVAILABLE', error.message, {
        registry: error.extensions.registry,
      });
  }
  const aborted = (error as NodeJS.ErrnoException)?.code === 'ECONNRESET' || (error as Error)?.message === 'aborted';
  if (aborted) {
    log.info({ requestId: caller.requestId }, 'upload interrupted by the client; nothing was kept');
    return new MaterialRouteError(400, 'BAD_REQUEST', 'The upload was interrupted before its end; nothing was kept.');
  }
  log.error(
    { requestId: caller.requestId, err: error as Error, delegated: error instanceof DelegatedCallError },
    'material route failed',
  );
  return new MaterialRouteError(
    500,
    'INTERNAL_SERVER_ERROR',
    `Internal error. Nothing about it is shown here; quote request id ${caller.requestId} when reporting it.`,
    {
      requestId: caller.requestId,
    },
  );
}
