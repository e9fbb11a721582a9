/**
 * Vite build of the editor into `editor/dist` (served by the Baton server at `/`); in
 * development `npm run dev -w editor` serves it with hot reload and proxies `/graphql` (its
 * WebSocket for subscriptions too, and the dataset upload, `/datasets`) to a Baton server on port 4000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The schemas workspace is compiled to CommonJS for node; the editor bundles its TypeScript source.
    alias: { '@baton/schemas': fileURLToPath(new URL('../schemas/src/index.ts', import.meta.url)) },
  },
  // `ws: true`: subscriptions (graphql-ws) upgrade the same /graphql path.
  server: { port: 5173, proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/datasets': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
