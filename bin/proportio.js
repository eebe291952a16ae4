#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/server (npm run build:server).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('proportio: not built yet. Run "npm run build" first (or "npm start").');
  process.exit(70);
}
// Everything the server and the CLI create (database, WAL, keys, vault parts, anchors) is the
// owner's alone: files 0600, folders 0700, also where a library picks its own mode.
process.umask(0o077);
const { main } = await import(compiled);
process.exitCode = await main(process.argv.slice(2));
