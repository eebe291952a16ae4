/** The published JSON Schema text of the regulator dossier (docs/dossier.schema.json). */
import { DossierSchema } from './dossier.schema.js';

export const dossierJsonSchemaText = (): string =>
  `${JSON.stringify(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://proportio.example/schemas/dossier.schema.json',
      title: 'Proportio regulator dossier (dossier.json)',
      ...(JSON.parse(JSON.stringify(DossierSchema)) as object),
    },
    null,
    2,
  )}\n`;
