import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI is a static bundle the Fastify server serves from dist/web; in development the
// Vite server proxies the API to a running `npm run dev` (port 8080).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // One bundle of about 600 kB (175 kB gzipped), most of it the Utrecht component library.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
