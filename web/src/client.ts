import { Client, fetchExchange } from 'urql';
import { TRUSTED_DOCUMENTS } from './gql/trusted-documents';
import { authHeaders } from './session';

/**
 * The pages' GraphQL client (urql). Every operation is sent as exactly the text registered in
 * trusted-documents/web.json, so a gateway in trusted-documents mode runs the pages and refuses
 * anything else: urql prints documents in its own layout, so the text is swapped for the registered
 * one by operation name just before sending. No normalised cache: each page asks afresh (a
 * person's data must not outlive a sign-out in memory).
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: () => ({ headers: authHeaders() }),
  fetch: (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { operationName?: string; query?: string };
    const text = body.operationName ? TRUSTED_DOCUMENTS[body.operationName] : undefined;
    if (!text)
      throw new Error(`operation ${body.operationName ?? '(unnamed)'} is not registered: run npm run web:codegen`);
    return fetch(input, { ...init, body: JSON.stringify({ ...body, query: text }) });
  },
});

/** Operation context that sends X-Purpose with the signed-in token (officers reading for a case). */
export function withPurpose(purpose: string) {
  return { fetchOptions: () => ({ headers: authHeaders(purpose) }) };
}
