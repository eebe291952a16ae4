/** The texts of the regulator dossier page (issue 12 §4, docs/dossier.md) in Dutch; nl.ts includes them as `dossier`. */
export const dossierNl = {
  title: 'Dossier voor de toezichthouder',
  intro:
    'Stel in één keer samen wat de Autoriteit Persoonsgegevens vraagt: de maatregelen per ruimte en soort gesprek met hun afwegingen, het advies van de FG en het besluit, de geschiedenis van het opnamebeleid, opschortingen en bezwaren, opnamen per maand, wie beelden inzag en waarom, verzoeken van betrokkenen met hun tijdigheid, het verwerkingsregister en de controle van het auditlog.',
  contents: [
    'U krijgt een ZIP-bestand met de PDF in het Nederlands en in het Engels en dezelfde gegevens als JSON (dossier.json).',
    'Het dossier noemt geen inwoners: verzoeken van betrokkenen staan erin zonder naam, contactgegevens of tijdvak.',
    'Het samenstellen wordt vastgelegd in het auditlog.',
  ],
  formTitle: 'Periode kiezen',
  from: 'Van',
  fromHint: 'Eerste dag van de periode. Leeg: twaalf maanden terug.',
  to: 'Tot en met',
  toHint: 'Laatste dag van de periode. Leeg: vandaag.',
  language: 'Taal van de PDF',
  languages: { both: 'Nederlands en Engels', nl: 'Alleen Nederlands', en: 'Alleen Engels' },
  button: 'Dossier samenstellen',
  done: (file: string) => `Het dossier is opgeslagen als ${file}.`,
  fromAfterTo: 'De eerste dag ligt na de laatste dag.',
};

export type DossierTexts = typeof dossierNl;
