// Entry point for running the CLI from source (npm run dev, tests): `tsx src/cli/run.ts …`.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
