/** The texts of the regulator dossier page (issue 12 §4) in English; typed against the Dutch table. */
import type { DossierTexts } from './dossier-nl.js';

export const dossierEn: DossierTexts = {
  title: 'Dossier for the regulator',
  intro:
    'Compile in one go what the Dutch Data Protection Authority asks for: the measures per room and kind of conversation with their assessments, the DPO’s advice and the decision, the history of the recording policy, suspensions and objections, recordings per month, who viewed footage and why, data subject requests and their timeliness, the register of processing activities and the verification of the audit log.',
  contents: [
    'You get a ZIP file with the PDF in Dutch and in English and the same data as JSON (dossier.json).',
    'The dossier names no residents: data subject requests appear without name, contact details or time window.',
    'Compiling it is recorded in the audit log.',
  ],
  formTitle: 'Choose the period',
  from: 'From',
  fromHint: 'First day of the period. Empty: twelve months back.',
  to: 'Up to and including',
  toHint: 'Last day of the period. Empty: today.',
  language: 'Language of the PDF',
  languages: { both: 'Dutch and English', nl: 'Dutch only', en: 'English only' },
  button: 'Compile dossier',
  done: (file: string) => `The dossier was saved as ${file}.`,
  fromAfterTo: 'The first day is after the last day.',
};
