import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import express, { type Express } from 'express';
import type { DemoSignIn } from '../subgraphs/shared/demo-tokens';
import { REPO_ROOT } from '../subgraphs/shared/config';

/**
 * The web pages (web/, built by Vite into web/dist) at `/`: the built files, and index.html for
 * any other page address a browser opens (a GET that prefers HTML; the pages route in the browser).
 * The gateway's own routes come first and are never answered with a page: a path under one of
 * RESERVED_PREFIXES that nothing else served, and any request of an API client, still gets the JSON 404.
 */

export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

/** First path segments the pages never take (the gateway's routes, present and configurable). */
export const RESERVED_PREFIXES = [
  '/graphql',
  '/health',
  '/ready',
  '/explorer',
  '/metrics',
  '/.well-known',
  '/materials',
  '/demo-tokens',
  '/assets',
];

/** Where demo sign-ins are served (development only). */
export const DEMO_TOKENS_PATH = '/demo-tokens';

/**
 * Only this gateway: the pages' scripts and styles, GraphQL and materials on the same origin. The
 * QR codes are data: URLs; ECharts sets inline style attributes on its tooltip.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function reserved(path: string): boolean {
  return RESERVED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Serves the built pages from `dir` (default web/dist); mount after every other route. */
export function mountWebApp(app: Express, dir = WEB_DIST): void {
  // Built files: hashed names under assets/ never change; everything else is checked each time.
  // Scripts and styles go gzipped to clients that take it (a third of the bytes on a phone),
  // compressed once per file and kept: the hashed names mean a file's content never changes.
  const assets = join(dir, 'assets');
  const gzipped = new Map<string, Buffer>();
  app.use('/assets', (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.acceptsEncodings('gzip')) return next();
    const type = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }[extname(req.path)];
    const file = normalize(join(assets, decodeURIComponent(req.path)));
    if (!type || !file.startsWith(assets + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
    let body = gzipped.get(file);
    if (!body) {
      body = gzipSync(readFileSync(file), { level: 9 });
      gzipped.set(file, body);
    }
    res.setHeader('content-type', `${type}; charset=utf-8`);
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-length', String(body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      fallthrough: true,
      immutable: true,
      maxAge: '365d',
    }),
  );
  app.use(
    express.static(dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
    }),
  );
  app.use((req, res, next) => {
    // A browser opening a page asks for HTML first; API clients (Accept: */* or JSON) get the JSON 404.
    const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reserved(req.path) || !wantsPage) return next();
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-cache');
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/html')
        .send(
          '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>页面尚未构建</title>' +
            '<p>页面尚未构建。请在项目目录运行 <code>npm run build</code>（或重新运行 <code>npm start</code>，首次启动时会自动构建）。</p>' +
            '<p lang="en">The web pages are not built yet: run <code>npm run build</code> in the project folder.</p></html>',
        );
      return;
    }
    res.type('text/html').send(readFileSync(index));
  });
}

/**
 * `GET /demo-tokens`: the development sign-in's demo people with fresh tokens. Mount only outside
 * production and only where the gateway checks the development HS256 secret (main.ts decides).
 */
export function mountDemoTokens(app: Express, demoTokens: () => Promise<DemoSignIn[]>): void {
  app.get(DEMO_TOKENS_PATH, async (_req, res, next) => {
    try {
      res.setHeader('cache-control', 'no-store');
      res.json({ signIns: await demoTokens() });
    } catch (error) {
      next(error);
    }
  });
}
