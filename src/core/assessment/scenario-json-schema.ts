/** The published JSON Schema text for scenarios (docs/assessment/scenario.schema.json). */
import { ScenarioSchema } from './scenario.schema.js';

export const scenarioJsonSchemaText = (): string =>
  `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...(JSON.parse(JSON.stringify(ScenarioSchema)) as object) }, null, 2)}\n`;
