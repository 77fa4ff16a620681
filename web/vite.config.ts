import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web pages: built into web/dist, which the gateway serves at `/`. `npm run dev` serves them
 * with hot reload and passes the gateway's routes on to GATEWAY_URL (default the local gateway).
 */
const gateway = process.env.GATEWAY_URL ?? `http://localhost:${process.env.PORT ?? 4000}`;
const proxied = ['/graphql', '/materials', '/demo-tokens', '/.well-known'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is loaded only by the pages that draw charts, in its own chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
});
