#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/server (npm run build:server).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('proportio: not built yet. Run "npm run build" first (or "npm start").');
  process.exit(70);
}
const { main } = await import(compiled);
process.exitCode = await main(process.argv.slice(2));
