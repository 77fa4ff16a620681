import { join } from 'node:path';
import type { Express } from 'express';
import { REPO_ROOT } from '../subgraphs/shared/config';

/**
 * The development explorer at /explorer: GraphiQL 4 and React 18 from this installation's
 * node_modules, so it works on a network without internet access and sends nothing anywhere but
 * this gateway. A bar above GraphiQL takes the bearer token and X-Purpose. Not installed in
 * production (NODE_ENV=production), where a browser opening /graphql gets the JSON refusal.
 */

export const EXPLORER_PATH = '/explorer';

/** Files the page loads, by the name it loads them under, from the installed packages and gateway/explorer/. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: 'node_modules/react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.production.min.js': {
    file: 'node_modules/react-dom/umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
  'graphiql.min.js': { file: 'node_modules/graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { file: 'node_modules/graphiql/graphiql.min.css', type: 'text/css' },
  'explorer.js': { file: 'gateway/explorer/explorer.js', type: 'text/javascript' },
  'explorer.css': { file: 'gateway/explorer/explorer.css', type: 'text/css' },
};

/**
 * Nothing but this gateway: scripts and styles from /explorer, requests to /graphql. Inline style
 * attributes are allowed because GraphiQL's editors set them.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(graphqlPath: string): string {
  const asset = (name: string) => `${EXPLORER_PATH}/assets/${name}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>gov-graph explorer</title>
    <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
    <link rel="stylesheet" href="${asset('explorer.css')}" />
  </head>
  <body data-endpoint="${graphqlPath}">
    <form id="credentials" autocomplete="off">
      <label>Bearer token <input id="token" type="password" placeholder="npm run token -- --role citizen" spellcheck="false" /></label>
      <label>X-Purpose <input id="purpose" type="text" placeholder="case reference, e.g. MLA-2026-0193" spellcheck="false" /></label>
      <button id="forget" type="button">Forget</button>
      <span class="note">Kept in this tab only; sent with every request.</span>
    </form>
    <div id="graphiql">Loading the explorer...</div>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${asset('explorer.js')}"></script>
  </body>
</html>
`;
}

/** Serves the explorer page and its assets, and sends a browser that opens /graphql there. */
export function mountExplorer(app: Express, graphqlPath = '/graphql'): void {
  const html = page(graphqlPath);
  app.get(EXPLORER_PATH, (_req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.type('text/html').send(html);
  });
  for (const [name, { file, type }] of Object.entries(ASSETS)) {
    app.get(`${EXPLORER_PATH}/assets/${name}`, (_req, res, next) => {
      res.setHeader('x-content-type-options', 'nosniff');
      res.type(type);
      res.sendFile(join(REPO_ROOT, file), { maxAge: '1h' }, (error) => error && next(error));
    });
  }
  // A browser opening the GraphQL URL gets the explorer (Apollo's own landing page is disabled).
  app.get(graphqlPath, (req, res, next) => {
    const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (wantsPage && req.query.query === undefined) res.redirect(302, EXPLORER_PATH);
    else next();
  });
}
