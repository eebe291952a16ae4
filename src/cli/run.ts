// Entry point for running the CLI from source (npm run dev, tests): `tsx src/cli/run.ts …`.
import { main } from './main.js';

// Everything the server and the CLI create (database, WAL, keys, vault parts, anchors) is the
// owner's alone: files 0600, folders 0700, also where a library picks its own mode.
process.umask(0o077);

process.exitCode = await main(process.argv.slice(2));
