import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from './scenario-json-schema.js';

describe('docs/assessment/scenario.schema.json', () => {
  it('is up to date with the TypeBox schema (run: npx tsx scripts/export-scenario-schema.ts)', () => {
    const published = readFileSync(
      fileURLToPath(new URL('../../../docs/assessment/scenario.schema.json', import.meta.url)),
      'utf8',
    );
    expect(published).toBe(scenarioJsonSchemaText());
  });

  it('rejects unknown properties so a typo is never read as "no safeguard"', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as {
      additionalProperties: boolean;
      properties: Record<string, { additionalProperties?: boolean }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['safeguards']?.additionalProperties).toBe(false);
  });
});
