// Writes docs/assessment/scenario.schema.json from the TypeBox schema (run: npx tsx scripts/export-scenario-schema.ts).
// A unit test fails when the file is stale, so the published schema never drifts from the code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/core/assessment/scenario-json-schema.js';

const target = fileURLToPath(new URL('../docs/assessment/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
