import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import { sendError } from '../subgraphs/shared/http-errors';
import type { GatewayContext } from './data-source';

/**
 * Trusted documents (an optional production mode): department apps register their operations
 * ahead of time in a manifest, a JSON object of SHA-256 (hex) of each document's text to the text,
 * written by `npm run trusted-documents` from their `.graphql` files (the format GraphQL Codegen's
 * persisted documents also produce). The gateway then runs only those operations, except that
 * anonymous callers may still run any operation when `anonymous` is `open` (they reach only
 * public fields), delegated calls of registries are trusted (their key proves the code), and
 * introspection-only operations pass where introspection is enabled (not in production).
 *
 * A client sends a registered operation as its text, or by its hash alone:
 * `{"documentId": "<hash>"}` (also `sha256:<hash>`) or Apollo's
 * `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hash>"}}}`.
 */
export interface TrustedDocumentsConfig {
  /** hash -> text */
  documents: Map<string, string>;
  /** Whether anonymous callers may run operations that are not in the manifest. */
  anonymous: 'open' | 'closed';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Reads and checks a manifest: every key is the SHA-256 of its text. */
export function loadTrustedDocuments(path: string, anonymous: 'open' | 'closed'): TrustedDocumentsConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS=${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`TRUSTED_DOCUMENTS=${path} must hold a JSON object of "<sha256>": "<document text>"`);
  }
  const documents = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (typeof text !== 'string' || sha256Hex(text) !== hash) {
      throw new Error(
        `TRUSTED_DOCUMENTS=${path}: the entry ${hash.slice(0, 16)}... is not the SHA-256 of its text; regenerate the manifest with npm run trusted-documents`,
      );
    }
    documents.set(hash, text);
  }
  return { documents, anonymous };
}

/** Operation names in the manifest (reserved as metrics labels). */
export function operationNames(config: TrustedDocumentsConfig): string[] {
  return [...config.documents.values()].flatMap((text) =>
    [...text.matchAll(/^(?:query|mutation)\s+([_A-Za-z]\w*)/gm)].map((m) => m[1]),
  );
}

/** Why a request's document id was refused: HTTP 400 with this code and message. */
export interface DocumentIdRefusal {
  code: 'PERSISTED_QUERY_NOT_IN_LIST' | 'BAD_REQUEST';
  message: string;
}

/**
 * Gives a parsed request body naming a document by its hash the document's text as its query (in
 * place), or says why it cannot (the hash is unknown, or a different query is sent beside it).
 * A body naming no document is left as it is.
 */
export function resolveDocumentId(config: TrustedDocumentsConfig, body: unknown): DocumentIdRefusal | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const request = body as Record<string, unknown>;
  const extensions = request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const id = request.documentId ?? extensions?.persistedQuery?.sha256Hash;
  if (id === undefined) return null;
  const hash = typeof id === 'string' ? id.replace(/^sha256:/, '') : '';
  const text = config.documents.get(hash);
  if (text === undefined) {
    return {
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message: `No trusted document has the id ${JSON.stringify(String(id))}; this gateway runs only the operations registered in its manifest.`,
    };
  }
  if (typeof request.query === 'string' && request.query !== text) {
    return {
      code: 'BAD_REQUEST',
      message: 'The request names a trusted document and also sends a different query; send one of them.',
    };
  }
  request.query = text;
  delete request.documentId;
  if (extensions?.persistedQuery) delete extensions.persistedQuery;
  return null;
}

/**
 * Express middleware before Apollo Server: a request naming a document by its hash gets the
 * document's text as its query (400 PERSISTED_QUERY_NOT_IN_LIST when the hash is unknown).
 */
export function resolveDocumentIds(config: TrustedDocumentsConfig): RequestHandler {
  return (req, res, next) => {
    const refusal = resolveDocumentId(config, req.body);
    if (refusal) {
      sendError(res, 400, refusal.code, refusal.message);
      return;
    }
    next();
  };
}

/** Refuses operations that are not trusted documents (see the module comment for who may still run them). */
export function trustedDocumentsPlugin(
  config: TrustedDocumentsConfig,
  introspection: boolean,
): ApolloServerPlugin<GatewayContext> {
  const texts = new Set(config.documents.values());
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, source, document }) {
          const { caller } = contextValue;
          if (caller.via !== null) return;
          if (caller.identity === null && config.anonymous === 'open') return;
          if (texts.has(source)) return;
          if (introspection && introspectionOnly(document)) return;
          throw new GraphQLError(
            'This gateway runs only trusted documents: operations registered ahead of time in its manifest ' +
              '(npm run trusted-documents). Send a registered operation, by its text or its documentId; ' +
              'to add one, register it with your app and redeploy the manifest.',
            { extensions: { code: 'QUERY_NOT_IN_SAFELIST', http: { status: 403 } } },
          );
        },
      };
    },
  };
}

function introspectionOnly(document: DocumentNode): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION ||
      definition.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
      ),
  );
}
