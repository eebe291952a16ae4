// Writes docs/dossier.schema.json from the TypeBox schema (run: npx tsx scripts/export-dossier-schema.ts).
// A unit test fails when the file is stale, so the published schema never drifts from the code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dossierJsonSchemaText } from '../src/core/dossier/dossier-json-schema.js';

const target = fileURLToPath(new URL('../docs/dossier.schema.json', import.meta.url));
writeFileSync(target, dossierJsonSchemaText());
console.log(`wrote ${target}`);
