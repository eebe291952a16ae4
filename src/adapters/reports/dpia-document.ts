/**
 * The DPIA report as a document, mapped onto the paragraphs of the Model DPIA Rijksdienst (v3.0):
 * part A description (1 proposal … 10 retention), part B lawfulness (11 legal basis, 12 special
 * categories, 13 purpose limitation, 14 necessity and proportionality — subsidiarity with the
 * alternatives table, necessity, proportionality —, 15 rights), part C risks (16), part D
 * measures (17), then the DPO advice, the human judgements and the decision, and an annex with
 * every finding. The structure is shared by the HTML and the PDF renderer.
 */
import { citeArticle } from '../../core/assessment/citation.js';
import { findMeasure } from '../../core/assessment/catalogue.js';
import {
  ACHIEVEMENT_NAMES as ACH,
  OUTCOME_NAMES,
  PURPOSE_KIND_NAMES as KIND,
} from '../../core/assessment/labels.js';
import {
  alternativeName,
  leastIntrusiveText,
  type ReportFinding,
  type ReportModel,
} from '../../core/assessment/report-model.js';
import type { Scenario } from '../../core/assessment/scenario.schema.js';
import {
  counted,
  inLanguage,
  pluralText,
  t,
  type InLanguage,
  type Lang,
  type Text,
} from '../../core/assessment/text.js';
import { VERDICT_NAMES, type Verdict } from '../../core/assessment/verdict.js';
import {
  facts,
  labelled,
  table,
  type Block,
  type Inline,
  type RenderDocument,
  type Tone,
} from './document.js';
import type { ReportWorkflow } from './workflow.js';

export interface DpiaReportOptions {
  readonly workflow?: ReportWorkflow;
  /**
   * The scenario the model was built from. Optional; when given, the report also shows what the
   * model does not carry: retention and deletion, access roles, the alternatives as documented,
   * the data-subject views and residual risk recorded in the scenario, the DPO advice date.
   */
  readonly scenario?: Scenario;
}

/** Every label of the document, Dutch and English side by side (core/assessment/text.ts). */
const LABELS = {
  docTitle: t('DPIA', 'DPIA'),
  subtitle: t(
    'Gegevensbeschermingseffectbeoordeling volgens de paragrafen van het Model DPIA Rijksdienst',
    'Data protection impact assessment following the paragraphs of the Dutch government’s Model DPIA Rijksdienst',
  ),
  verdict: t('Oordeel', 'Verdict'),
  blocking: t('Blokkerende bevindingen', 'Blocking findings'),
  conditionsN: (n: number) =>
    t(
      `${counted(n, ['voorwaarde', 'voorwaarden'], ['condition', 'conditions']).nl} ${pluralText(n, ['moet', 'moeten'], ['must', 'must']).nl} vervuld zijn voordat de maatregel mag worden gebruikt.`,
      `${counted(n, ['voorwaarde', 'voorwaarden'], ['condition', 'conditions']).en} must be met before the measure may be used.`,
    ),
  allPass: t('Alle bevindingen voldoen.', 'All findings pass.'),
  dpiaRequired: t('DPIA verplicht', 'DPIA required'),
  key: t('Kerngegevens', 'Key facts'),
  item: t('Onderdeel', 'Item'),
  value: t('Gegeven', 'Value'),
  controller: t('Verwerkingsverantwoordelijke', 'Controller'),
  assessedOn: t('Datum beoordeling', 'Assessed on'),
  measure: t('Maatregel', 'Measure'),
  version: t('Versie', 'Version'),
  status: t('Status', 'Status'),
  decision: t('Besluit', 'Decision'),
  none: t('geen', 'none'),
  notRecorded: t('niet vastgelegd', 'not recorded'),
  yes: t('ja', 'yes'),
  no: t('nee', 'no'),
  guide: t(
    'Dit rapport volgt de zeventien paragrafen van het Model DPIA Rijksdienst (delen A tot en met D). Elke bevinding van de toets staat in de paragraaf waar zij thuishoort, met regel-id, uitkomst en bron. Waar de toets een menselijke afweging vraagt, staat het oordeel van een persoon als menselijk oordeel vermeld, met naam, datum en redenen; de uitkomst van de toets zelf blijft zichtbaar.',
    'This report follows the seventeen paragraphs of the Model DPIA Rijksdienst (parts A to D). Every finding of the assessment appears in the paragraph it belongs to, with its rule id, outcome and source. Where the assessment needs a human judgement, a person’s judgement is shown as a human judgement, with name, date and reasons; the engine’s own outcome stays visible.',
  ),
  partA: t('Deel A — Beschrijving kenmerken gegevensverwerkingen', 'Part A — Description of the processing'),
  p1: t('1. Voorstel', '1. Proposal'),
  p2: t('2. Persoonsgegevens', '2. Personal data'),
  p3: t(
    '3–4. Gegevensverwerkingen, technieken en methoden',
    '3–4. Processing operations, techniques and methods',
  ),
  p5: t('5. Verwerkingsdoeleinden', '5. Purposes of the processing'),
  p6: t('6. Betrokken partijen', '6. Parties involved'),
  p7: t('7. Belangen bij de gegevensverwerkingen', '7. Interests in the processing'),
  p8: t('8. Verwerkingslocaties', '8. Processing locations'),
  p9: t('9. Juridisch en beleidsmatig kader', '9. Legal and policy framework'),
  p10: t('10. Bewaartermijnen', '10. Retention periods'),
  partB: t('Deel B — Beoordeling rechtmatigheid gegevensverwerkingen', 'Part B — Assessment of lawfulness'),
  p11: t('11. Rechtsgrond', '11. Legal basis'),
  p12: t('12. Bijzondere persoonsgegevens', '12. Special categories of personal data'),
  p13: t('13. Doelbinding', '13. Purpose limitation'),
  p14: t('14. Noodzaak en evenredigheid', '14. Necessity and proportionality'),
  p14a: t(
    '14.1 Subsidiariteit: welke middelen, per middel de voor- en nadelen',
    '14.1 Subsidiarity: which measures, and the pros and cons of each',
  ),
  p14b: t('14.2 Noodzaak', '14.2 Necessity'),
  p14c: t('14.3 Proportionaliteit', '14.3 Proportionality'),
  p15: t('15. Rechten van de betrokkenen', '15. Rights of data subjects'),
  partC: t(
    'Deel C — Beschrijving en beoordeling van risico’s voor de betrokkenen',
    'Part C — Description and assessment of risks for data subjects',
  ),
  p16: t('16. Risico’s', '16. Risks'),
  partD: t(
    'Deel D — Beschrijving van de beoogde maatregelen',
    'Part D — Description of the intended measures',
  ),
  p17: t('17. Maatregelen', '17. Measures'),
  advice: t('Advies, zienswijzen en besluit', 'Advice, views and decision'),
  annex: t('Bijlage — Alle bevindingen', 'Annex — All findings'),
  notes: t('Toelichting', 'Notes'),
  proposal: (name: string, rank: number) =>
    t(
      `Beoordeeld middel: ${name} (nummer ${rank} van 10 in de catalogus, van minst naar meest ingrijpend).`,
      `Measure assessed: ${name} (number ${rank} of 10 in the catalogue, from least to most intrusive).`,
    ),
  scope: t('Reikwijdte', 'Scope'),
  rooms: t('Ruimten', 'Rooms'),
  conversations: t('Soorten gesprek', 'Kinds of conversation'),
  sensitive: t('gevoelig', 'sensitive'),
  hours: t('Uren', 'Hours'),
  riskFlagged: t('Alleen gesprekken met een risicosignaal', 'Risk-flagged conversations only'),
  service: t('Dienst afhankelijk van de maatregel', 'Service conditional on the measure'),
  audio: t('Geluid', 'Sound'),
  dataItems: t('Verwerkte persoonsgegevens', 'Personal data processed'),
  subjects: t('Categorieën betrokkenen', 'Categories of data subjects'),
  staff: t('medewerkers', 'staff'),
  residents: t('inwoners (cliënten)', 'residents (clients)'),
  minors: t('minderjarigen', 'minors'),
  vulnerable: t('kwetsbare groepen', 'vulnerable groups'),
  noData: t(
    'Geen persoonsgegevens: het middel verwerkt niets over personen.',
    'No personal data: the measure processes nothing about people.',
  ),
  alarmLog: t(
    'Alarmlog: welke medewerker, welke ruimte, welk tijdstip (gewoon persoonsgegeven).',
    'Alarm log: which staff member, which room, what time (ordinary personal data).',
  ),
  video: t(
    'Camerabeelden van inwoner en medewerker (gewoon persoonsgegeven; bij gevoelige gesprekken zeer persoonlijk).',
    'Images of resident and staff member (ordinary personal data; highly personal in sensitive conversations).',
  ),
  sound: t(
    'Geluid: de inhoud van het gesprek (waarschijnlijk bijzondere persoonsgegevens, art. 9 AVG).',
    'Sound: the content of the conversation (likely special-category data, GDPR Art. 9).',
  ),
  trigger: t('Wanneer', 'When'),
  stores: t('Opslag', 'Storage'),
  whoSees: t('Wie ziet het', 'Who sees it'),
  covert: t('Heimelijk', 'Covert'),
  triggers: {
    none: t('niets wordt verwerkt', 'nothing is processed'),
    'manual-alarm': t(
      'alleen als een medewerker op de alarmknop drukt',
      'only when a staff member presses the alarm',
    ),
    continuous: t(
      'doorlopend tijdens de gesprekken in de reikwijdte',
      'continuously during the conversations in scope',
    ),
    live: t('live meekijken, zonder opname', 'watched live, not recorded'),
  },
  stored: t('beelden of geluid worden opgeslagen', 'images or sound are stored'),
  notStored: t(
    'niets wordt opgeslagen (alleen getoond of in het geheugen)',
    'nothing is stored (only shown or held in memory)',
  ),
  purposeKinds: t('Soort doel', 'Kind of purpose'),
  parties: t('Betrokken partijen', 'Parties involved'),
  party: t('Partij', 'Party'),
  role: t('Rol', 'Role'),
  controllerRole: t('verwerkingsverantwoordelijke', 'controller'),
  internal: t('intern ontvanger (inzage)', 'internal recipient (viewing)'),
  accessRoles: t('Rollen met toegang tot beelden', 'Roles with access to footage'),
  interests: t(
    'Belang van de medewerkers: veilig werken; de werkgever moet agressie en geweld voorkomen en beperken (Arbeidsomstandighedenwet). Belang van de inwoners: gesprekken met de overheid over privacygevoelige onderwerpen vinden in beginsel onbespied plaats; niemand mag een dienst worden onthouden omdat hij bezwaar heeft tegen een camera.',
    'Staff interest: safe work; the employer must prevent and limit aggression and violence (Working Conditions Act). Residents’ interest: conversations with government about privacy-sensitive subjects take place, in principle, unobserved; nobody may be refused a service for objecting to a camera.',
  ),
  views: t(
    'Zienswijze van betrokkenen of hun vertegenwoordigers (art. 35 lid 9 AVG)',
    'Views of data subjects or their representatives (GDPR Art. 35(9))',
  ),
  viewsSought: t('gevraagd', 'sought'),
  viewsNotSought: t('niet gevraagd', 'not sought'),
  reason: t('reden', 'reason'),
  location: t(
    'Proportio slaat gegevens op bij de verwerkingsverantwoordelijke zelf; deze beoordeling gaat uit van geen doorgifte buiten de Europese Economische Ruimte. Controleer dit voor de eigen inrichting (hosting, beheer op afstand).',
    'Proportio stores data at the controller itself; this assessment assumes no transfer outside the European Economic Area. Check this for your own installation (hosting, remote administration).',
  ),
  basis: t('Grondslag', 'Legal basis'),
  provision: t('Wettelijke bepaling', 'Provision of law'),
  noProvision: t('geen wettelijke bepaling genoemd', 'no provision of law cited'),
  retention: t('Bewaartermijn', 'Retention'),
  hoursUnit: (h: number) => t(`${h} uur`, `${h} hours`),
  autoDelete: t('Automatisch verwijderen', 'Automatic deletion'),
  catalogueDefault: t('standaard in de catalogus', 'catalogue default'),
  nothingStored: t(
    'niet van toepassing: het middel slaat geen beelden of geluid op',
    'not applicable: the measure stores no images or sound',
  ),
  alternatives: t('Alternatieven naast elkaar', 'Alternatives side by side'),
  alt: t('Middel', 'Measure'),
  help: t('Directe hulp', 'Immediate help'),
  deter: t('Afschrik\u00ADking', 'Deter\u00ADrence'),
  proof: t('Bewijs', 'Evidence'),
  meets: t('Bereikt doel', 'Meets purpose'),
  verdictCol: t('Oordeel (blokkerend)', 'Verdict (blocking)'),
  pros: t('Voordelen', 'Pros'),
  cons: t('Nadelen', 'Cons'),
  assessed: t('beoordeeld', 'assessed'),
  perPurpose: t('Minst ingrijpend per doel', 'Least intrusive per purpose'),
  documented: t(
    'Alternatieven zoals gedocumenteerd in de beoordeling',
    'Alternatives as documented in the assessment',
  ),
  altStatus: {
    'in-place-insufficient': t('aanwezig, onvoldoende', 'in place, insufficient'),
    'considered-insufficient': t('overwogen, onvoldoende', 'considered, insufficient'),
    'adopted-instead': t('in plaats daarvan gekozen', 'adopted instead'),
    'not-considered': t('niet overwogen', 'not considered'),
  },
  reasons: t('Redenen', 'Reasons'),
  evidence: t('Bewijs van risico', 'Evidence of risk'),
  incidents: t('Incidenten in de reikwijdte', 'Incidents in scope'),
  serious: t('waarvan ernstig of met aangifte', 'of which serious or reported to the police'),
  danger: t('Concreet dreigend gevaar', 'Concrete imminent danger'),
  stats: t('Algemene statistiek', 'General statistics'),
  dpiaDet: t('Is een DPIA verplicht?', 'Is a DPIA required?'),
  apItems: t('Punten van de AP-lijst (Stcrt. 2019, 64418)', 'Dutch DPA list items (Stcrt. 2019, 64418)'),
  wpCriteria: t(
    'WP248-criteria (twee of meer: DPIA waarschijnlijk verplicht)',
    'WP248 criteria (two or more: a DPIA is likely required)',
  ),
  number: t('Nr.', 'No.'),
  name: t('Omschrijving', 'Description'),
  residual: t('Restrisico volgens de beoordeling', 'Residual risk according to the assessment'),
  risks: t('Open punten uit de toets', 'Open points from the assessment'),
  outcome: t('Uitkomst', 'Outcome'),
  whatNeeded: t('Wat nodig is', 'What is needed'),
  noRisks: t('Geen open punten: alle bevindingen voldoen.', 'No open points: every finding passes.'),
  conditions: t('Voorwaarden van het oordeel', 'Conditions of the verdict'),
  noConditions: t(
    'Het oordeel verbindt geen voorwaarden aan het middel.',
    'The verdict attaches no conditions to the measure.',
  ),
  notPermittedNoConditions: t(
    'Het middel is niet toegestaan. De voorwaarden hieronder zijn nodig, maar heffen de blokkerende bevindingen niet op.',
    'The measure is not permitted. The conditions below are needed, but they do not cure the blocking findings.',
  ),
  otherFindings: t('Overige bevindingen', 'Other findings'),
  dpo: t(
    'Advies van de functionaris gegevensbescherming (art. 35 lid 2 AVG)',
    'Advice of the data protection officer (GDPR Art. 35(2))',
  ),
  dpoDateOnly: (d: string) =>
    t(
      `Advies vastgelegd op ${d}; de tekst van het advies staat niet in het scenario.`,
      `Advice recorded on ${d}; the text of the advice is not in the scenario.`,
    ),
  dpoMissing: t(
    'Geen advies van de functionaris gegevensbescherming vastgelegd.',
    'No advice of the data protection officer has been recorded.',
  ),
  followed: t('Advies gevolgd', 'Advice followed'),
  response: t('Reactie van de verwerkingsverantwoordelijke', 'Controller’s response'),
  judgements: t('Menselijke oordelen', 'Human judgements'),
  judgementsIntro: t(
    'Deze oordelen zijn van de genoemde personen, niet van de toets. De uitkomst van de toets blijft ernaast staan.',
    'These judgements are the named persons’, not the engine’s. The engine’s outcome is shown next to them.',
  ),
  noJudgements: t('Er zijn geen menselijke oordelen vastgelegd.', 'No human judgements have been recorded.'),
  rule: t('Regel', 'Rule'),
  engine: t('Uitkomst toets', 'Engine outcome'),
  judged: t('Oordeel persoon', 'Person’s judgement'),
  by: t('Door', 'By'),
  date: t('Datum', 'Date'),
  decisionH: t('Besluit van de verantwoordelijke', 'Decision of the accountable official'),
  noDecision: t(
    'Er is geen besluit vastgelegd. Dit is een concept: alleen een goedgekeurde versie, met advies van de FG en een besluit van de verantwoordelijke, in werking en vóór de herbeoordelingsdatum, kan een opnamemodus inschakelen.',
    'No decision has been recorded. This is a draft: only an approved version, with the DPO’s advice and a decision by the accountable official, in force and before its review date, can enable a recording mode.',
  ),
  approved: t('goedgekeurd', 'approved'),
  rejected: t('afgewezen', 'rejected'),
  validUntil: t('Geldig tot', 'Valid until'),
  statusNames: {
    draft: t('concept', 'draft'),
    // Submitted but not decided: to the reader of a DPIA still a draft.
    submitted: t('concept', 'draft'),
    approved: t('goedgekeurd', 'approved'),
    rejected: t('afgewezen', 'rejected'),
    withdrawn: t('ingetrokken', 'withdrawn'),
  },
  findingsTable: t('Alle bevindingen met uitkomst en bron', 'All findings with outcome and source'),
  source: t('Bron', 'Source'),
  title: t('Titel', 'Title'),
  humanJudgement: t('Menselijk oordeel', 'Human judgement'),
  engineSaid: t('uitkomst van de toets', 'engine outcome'),
  condition: t('Voorwaarde', 'Condition'),
  judgedBy: t('oordeel van', 'judgement of'),
};

type Labels = InLanguage<typeof LABELS>;

const VERDICT_TONE: Readonly<Record<Verdict, Tone>> = {
  'not-permitted': 'negative',
  'permitted-with-conditions': 'caution',
  permitted: 'positive',
};

/** Which Model DPIA paragraph each rule belongs to; a rule not listed lands in paragraph 17. */
const PARAGRAPH_OF: Readonly<
  Record<string, 'p10' | 'p11' | 'p12' | 'p13' | 'p14a' | 'p14b' | 'p14c' | 'p15' | 'p16' | 'p17'>
> = {
  'RET-1': 'p10',
  'LB-1': 'p11',
  'LB-2': 'p11',
  'LB-3': 'p11',
  'SC-1': 'p12',
  'AUD-1': 'p12',
  'PUR-1': 'p13',
  'EMP-2': 'p13',
  'NEC-2': 'p14a',
  'NEC-1': 'p14b',
  'NEC-3': 'p14b',
  'NEC-4': 'p14b',
  'PROP-1': 'p14c',
  'PROP-2': 'p14c',
  'PROP-3': 'p14c',
  'TRN-1': 'p15',
  'RGT-1': 'p15',
  'RGT-2': 'p15',
  'DPIA-1': 'p16',
  'DPIA-2': 'p16',
  'EMP-1': 'p17',
  'SEC-1': 'p17',
  'COV-1': 'p17',
  'ROPA-1': 'p17',
};

/** "voldoet" or, for a judged review, "menselijke afweging nodig → voldoet (oordeel van J. Jansen)". */
const outcomeText = (f: ReportFinding, lang: Lang, l: Labels): string => {
  const engine = OUTCOME_NAMES[f.engineOutcome][lang];
  const j = f.humanJudgement;
  return j === undefined ? engine : `${engine} → ${OUTCOME_NAMES[j.outcome][lang]} (${l.judgedBy} ${j.name})`;
};

const findingBlocks = (f: ReportFinding, lang: Lang, l: Labels, level: 4 | 5): Block[] => {
  const out: Block[] = [
    { kind: 'heading', level, text: `${f.ruleId} — ${f.title[lang]}` },
    { kind: 'paragraph', content: labelled(l.outcome, OUTCOME_NAMES[f.engineOutcome][lang]) },
  ];
  if (f.reasons.length > 0) out.push({ kind: 'list', items: f.reasons.map((r) => r[lang]) });
  const j = f.humanJudgement;
  if (j !== undefined) {
    out.push({
      kind: 'callout',
      tone: 'neutral',
      lines: [
        [
          {
            text: `${l.humanJudgement} (${l.engineSaid}: ${OUTCOME_NAMES[f.engineOutcome][lang]}): `,
            bold: true,
          },
          {
            text: `${OUTCOME_NAMES[j.outcome][lang]} — ${j.name}${j.role === undefined ? '' : ` (${j.role})`}, ${j.date}`,
          },
        ],
        labelled(l.reasons, j.reasons),
      ],
    });
  }
  for (const c of f.conditions) out.push({ kind: 'paragraph', content: labelled(l.condition, c.text[lang]) });
  out.push({ kind: 'paragraph', content: labelled(l.source, f.citation[lang]), muted: true, size: 'small' });
  return out;
};

const hoursOrDefault = (h: number | null | undefined, l: Labels): string =>
  h === null || h === undefined ? l.notRecorded : l.hoursUnit(h);

export const buildDpiaDocument = (
  m: ReportModel,
  lang: Lang,
  options: DpiaReportOptions = {},
): RenderDocument => {
  const l = inLanguage(LABELS, lang);
  const tx = (t: Text): string => t[lang];
  const s = options.scenario;
  const w = options.workflow;
  const measure = findMeasure(m.measure.id);
  const blocks: Block[] = [];
  const push = (...b: Block[]): void => {
    blocks.push(...b);
  };
  const findingsIn = (p: string): Block[] =>
    m.findings
      .filter((f) => (PARAGRAPH_OF[f.ruleId] ?? 'p17') === p)
      .flatMap((f) => findingBlocks(f, lang, l, p.startsWith('p14') ? 5 : 4));
  const failing = m.findings.filter((f) => f.effectiveOutcome === 'fail').map((f) => f.ruleId);

  // Title and summary.
  push({ kind: 'heading', level: 1, text: `${l.docTitle}: ${m.title}` });
  push({ kind: 'paragraph', content: l.subtitle, muted: true });
  const summary: Inline[] = [[{ text: `${l.verdict}: ${tx(m.verdict.name).toUpperCase()}`, bold: true }]];
  if (failing.length > 0) summary.push(labelled(l.blocking, failing.join(', ')));
  else if (m.conditions.length > 0) summary.push(l.conditionsN(m.conditions.length));
  else summary.push(l.allPass);
  summary.push(labelled(l.dpiaRequired, m.dpia.required ? l.yes : l.no));
  push({ kind: 'callout', tone: VERDICT_TONE[m.verdict.value], lines: summary, size: 'large' });
  const decision = w?.decision;
  push(
    facts(
      l.key,
      [l.item, l.value],
      [
        [l.controller, m.controller],
        [l.assessedOn, m.assessedOn],
        [l.measure, `${tx(m.measure.name)} (${m.measure.rank}/10)`],
        [l.version, w?.version === undefined ? l.notRecorded : String(w.version)],
        [l.status, w?.status === undefined ? l.statusNames.draft : l.statusNames[w.status]],
        [
          l.decision,
          decision === undefined
            ? l.notRecorded
            : `${decision.outcome === 'approved' ? l.approved : l.rejected} — ${decision.by}, ${decision.date}`,
        ],
      ],
    ),
  );
  push({ kind: 'paragraph', content: l.guide });

  // Part A.
  push({ kind: 'heading', level: 2, text: l.partA });
  push({ kind: 'heading', level: 3, text: l.p1 });
  push({ kind: 'paragraph', content: l.proposal(tx(m.measure.name), m.measure.rank) });
  push(
    facts(
      l.scope,
      [l.item, l.value],
      [
        [l.rooms, m.scope.rooms.join(', ')],
        [
          l.conversations,
          m.scope.conversationTypes
            .map((c) => `${c.name}${c.sensitive ? ` (${l.sensitive})` : ''}`)
            .join('; '),
        ],
        [l.hours, tx(m.scope.hours)],
        [l.riskFlagged, m.scope.riskFlaggedOnly ? l.yes : l.no],
        [l.audio, m.measure.audio ? l.yes : l.no],
        [l.service, m.conditionsAccessToService ? l.yes : l.no],
      ],
    ),
  );

  push({ kind: 'heading', level: 3, text: l.p2 });
  const data: string[] = [];
  if (measure === undefined || measure.captures.length === 0) data.push(l.noData);
  if (measure?.captures.includes('alarm-log') === true) data.push(l.alarmLog);
  if (measure?.captures.includes('video') === true) data.push(l.video);
  if (m.measure.audio || measure?.captures.includes('audio') === true) data.push(l.sound);
  push({ kind: 'paragraph', content: [{ text: l.dataItems, bold: true }] }, { kind: 'list', items: data });
  const who = [
    m.peopleAffected.staff ? l.staff : '',
    m.peopleAffected.residents ? l.residents : '',
    m.peopleAffected.minors ? l.minors : '',
    m.peopleAffected.vulnerableGroups ? l.vulnerable : '',
  ].filter((x) => x !== '');
  push({ kind: 'paragraph', content: labelled(l.subjects, who.length === 0 ? l.none : who.join(', ')) });

  push({ kind: 'heading', level: 3, text: l.p3 });
  if (measure !== undefined) {
    push(
      facts(
        tx(measure.name),
        [l.item, l.value],
        [
          [l.trigger, l.triggers[measure.trigger]],
          [l.stores, measure.stores ? l.stored : l.notStored],
          [l.whoSees, tx(measure.whoSees)],
          [l.covert, measure.covert ? l.yes : l.no],
        ],
      ),
    );
  }

  push({ kind: 'heading', level: 3, text: l.p5 });
  push({ kind: 'paragraph', content: m.purpose.text });
  push({
    kind: 'paragraph',
    content: labelled(
      l.purposeKinds,
      m.purpose.kinds.length === 0 ? l.none : m.purpose.kinds.map((k) => tx(KIND[k])).join(', '),
    ),
  });

  push({ kind: 'heading', level: 3, text: l.p6 });
  const partyRows: [string, string][] = [[m.controller, l.controllerRole]];
  if (measure !== undefined && measure.captures.length > 0) partyRows.push([tx(measure.whoSees), l.internal]);
  const roles = s?.safeguards.access?.roles ?? [];
  if (roles.length > 0) partyRows.push([roles.join(', '), l.accessRoles]);
  push(
    table(
      l.parties,
      [
        [l.party, 2],
        [l.role, 1.4],
      ],
      partyRows,
    ),
  );

  push({ kind: 'heading', level: 3, text: l.p7 });
  push({ kind: 'paragraph', content: l.interests });
  const views = w?.dataSubjectViews ?? s?.dpia.dataSubjectViews;
  push({ kind: 'paragraph', content: [{ text: l.views, bold: true }] });
  if (views === undefined) push({ kind: 'paragraph', content: l.notRecorded });
  else {
    const from = w?.dataSubjectViews?.from;
    const date = w?.dataSubjectViews?.date;
    const head = `${views.sought ? l.viewsSought : l.viewsNotSought}${from === undefined ? '' : ` — ${from}`}${date === undefined ? '' : `, ${date}`}`;
    const items: Inline[] = [head];
    if (views.summary !== undefined) items.push(views.summary);
    if (views.reasonNotSought !== undefined) items.push(labelled(l.reason, views.reasonNotSought));
    push({ kind: 'list', items });
  }

  push({ kind: 'heading', level: 3, text: l.p8 });
  push({ kind: 'paragraph', content: l.location });

  push({ kind: 'heading', level: 3, text: l.p9 });
  push(
    facts(
      l.basis,
      [l.item, l.value],
      [
        [l.basis, citeArticle(m.legalBasis.article, lang)],
        [l.provision, m.legalBasis.provision ?? l.noProvision],
      ],
    ),
  );

  push({ kind: 'heading', level: 3, text: l.p10 });
  const stores = measure?.stores === true;
  push(
    facts(
      l.retention,
      [l.item, l.value],
      [
        [
          l.retention,
          !stores
            ? l.nothingStored
            : s?.safeguards.retentionHours !== undefined
              ? hoursOrDefault(s.safeguards.retentionHours, l)
              : `${hoursOrDefault(measure.defaultRetentionHours, l)} (${l.catalogueDefault})`,
        ],
        [
          l.autoDelete,
          s?.safeguards.automaticDeletion === undefined
            ? l.notRecorded
            : s.safeguards.automaticDeletion
              ? l.yes
              : l.no,
        ],
      ],
    ),
  );
  push(...findingsIn('p10'));

  // Part B.
  push({ kind: 'heading', level: 2, text: l.partB });
  push({ kind: 'heading', level: 3, text: l.p11 });
  const analogy = m.notes[0];
  if (analogy !== undefined) push({ kind: 'callout', tone: 'neutral', lines: [tx(analogy)] });
  push(...findingsIn('p11'));
  push({ kind: 'heading', level: 3, text: l.p12 });
  push(...findingsIn('p12'));
  push({ kind: 'heading', level: 3, text: l.p13 });
  push(...findingsIn('p13'));

  push({ kind: 'heading', level: 3, text: l.p14 });
  push({ kind: 'heading', level: 4, text: l.p14a });
  push(
    table(
      `${l.alternatives} (${m.alternatives.purposeKinds.map((k) => tx(KIND[k])).join(', ') || l.none})`,
      [
        [l.alt, 2.5],
        [l.help, 1],
        [l.deter, 1.15],
        [l.proof, 0.95],
        [l.meets, 0.95],
        [l.verdictCol, 1.7],
        [l.pros, 2.2],
        [l.cons, 2.2],
      ],
      m.alternatives.rows.map((r) => [
        { text: `${r.rank}. ${tx(r.name)}${r.assessed ? ` (${l.assessed})` : ''}`, bold: true },
        tx(ACH[r.achieves['immediate-help']]),
        tx(ACH[r.achieves.deterrence]),
        tx(ACH[r.achieves.evidence]),
        r.meetsPurpose ? l.yes : l.no,
        `${tx(VERDICT_NAMES[r.verdict])}${r.failedRules.length > 0 ? ` (${r.failedRules.join(', ')})` : ''}`,
        tx(r.pros),
        tx(r.cons),
      ]),
      'xsmall',
    ),
  );
  push({ kind: 'paragraph', content: [{ text: tx(m.alternatives.conclusion), bold: true }] });
  const perPurpose = leastIntrusiveText(m);
  if (perPurpose !== undefined) push({ kind: 'paragraph', content: labelled(l.perPurpose, tx(perPurpose)) });
  if (s !== undefined && s.alternatives.length > 0) {
    push(
      table(
        l.documented,
        [
          [l.alt, 1.6],
          [l.status, 1.1],
          [l.reasons, 3.3],
        ],
        s.alternatives.map((a) => [
          tx(alternativeName(m, a.measure)),
          l.altStatus[a.status],
          a.reasons === '' ? '—' : a.reasons,
        ]),
        'small',
      ),
    );
  }
  push(...findingsIn('p14a'));

  push({ kind: 'heading', level: 4, text: l.p14b });
  const ev: [string, string][] = [
    [l.incidents, `${m.evidence.incidentsInScope} (${m.evidence.seriousOrReported} ${l.serious})`],
    [l.danger, m.evidence.imminentDanger ?? l.none],
    [l.stats, m.evidence.statistics ?? l.none],
  ];
  push(facts(l.evidence, [l.item, l.value], ev));
  push(...findingsIn('p14b'));
  push({ kind: 'heading', level: 4, text: l.p14c });
  push(...findingsIn('p14c'));
  push({ kind: 'heading', level: 3, text: l.p15 });
  push(...findingsIn('p15'));

  // Part C.
  push({ kind: 'heading', level: 2, text: l.partC });
  push({ kind: 'heading', level: 3, text: l.p16 });
  push({ kind: 'heading', level: 4, text: l.dpiaDet });
  push({ kind: 'paragraph', content: labelled(l.dpiaRequired, m.dpia.required ? l.yes : l.no) });
  const named = (caption: string, items: ReportModel['dpia']['apListItems']): Block =>
    items.length === 0
      ? { kind: 'paragraph', content: labelled(caption, l.none) }
      : table(
          caption,
          [
            [l.number, 0.5],
            [l.name, 5],
          ],
          items.map((i) => [String(i.number), tx(i.name)]),
        );
  push(named(l.apItems, m.dpia.apListItems), named(l.wpCriteria, m.dpia.wp248Criteria));
  if (m.dpia.reasons.length > 0) push({ kind: 'list', items: m.dpia.reasons.map(tx) });
  if (s?.dpia.residualRisk !== undefined)
    push({ kind: 'paragraph', content: labelled(l.residual, s.dpia.residualRisk) });
  const open = m.findings.filter((f) => f.effectiveOutcome !== 'pass');
  if (open.length === 0) push({ kind: 'paragraph', content: l.noRisks });
  else
    push(
      table(
        l.risks,
        [
          [l.rule, 0.8],
          [l.title, 2.2],
          [l.outcome, 1.3],
          [l.whatNeeded, 3.2],
        ],
        open.map((f) => [
          f.ruleId,
          tx(f.title),
          OUTCOME_NAMES[f.effectiveOutcome][lang],
          f.conditions.length > 0
            ? f.conditions.map((c) => tx(c.text)).join(' ')
            : f.reasons[0] === undefined
              ? '—'
              : tx(f.reasons[0]),
        ]),
        'small',
      ),
    );
  push(...findingsIn('p16'));

  // Part D.
  push({ kind: 'heading', level: 2, text: l.partD });
  push({ kind: 'heading', level: 3, text: l.p17 });
  push({ kind: 'heading', level: 4, text: l.conditions });
  if (m.verdict.value === 'not-permitted') push({ kind: 'paragraph', content: l.notPermittedNoConditions });
  if (m.conditions.length === 0) push({ kind: 'paragraph', content: l.noConditions });
  else
    push({
      kind: 'list',
      items: m.conditions.map((c): Inline => [{ text: `[${c.ruleId}] `, bold: true }, { text: tx(c.text) }]),
    });
  push(...findingsIn('p17'));

  // Advice, views, judgements and decision.
  push({ kind: 'heading', level: 2, text: l.advice });
  push({ kind: 'heading', level: 3, text: l.dpo });
  const dpo = w?.dpoAdvice;
  if (dpo !== undefined) {
    push({ kind: 'paragraph', content: [{ text: `${dpo.by}, ${dpo.date}`, bold: true }] });
    push({ kind: 'paragraph', content: dpo.advice });
    if (dpo.followed !== undefined)
      push({ kind: 'paragraph', content: labelled(l.followed, dpo.followed ? l.yes : l.no) });
    if (dpo.response !== undefined) push({ kind: 'paragraph', content: labelled(l.response, dpo.response) });
  } else if (s?.safeguards.dpoAdviceDate !== undefined) {
    push({ kind: 'paragraph', content: l.dpoDateOnly(s.safeguards.dpoAdviceDate) });
  } else {
    push({ kind: 'paragraph', content: l.dpoMissing });
  }
  push({ kind: 'heading', level: 3, text: l.judgements });
  if (m.humanJudgements.length === 0) push({ kind: 'paragraph', content: l.noJudgements });
  else {
    push({ kind: 'paragraph', content: l.judgementsIntro });
    push(
      table(
        l.judgements,
        [
          [l.rule, 1.1],
          [l.engine, 1.3],
          [l.judged, 1],
          [l.by, 1.7],
          [l.date, 1.1],
          [l.reasons, 3.5],
        ],
        m.humanJudgements.map((j) => {
          const f = m.findings.find((x) => x.ruleId === j.ruleId);
          return [
            `${j.ruleId} — ${tx(j.ruleTitle)}`,
            OUTCOME_NAMES[f?.engineOutcome ?? 'review'][lang],
            OUTCOME_NAMES[j.outcome][lang],
            `${j.name}${j.role === undefined ? '' : ` (${j.role})`}`,
            j.date,
            j.reasons,
          ];
        }),
        'small',
      ),
    );
  }
  push({ kind: 'heading', level: 3, text: l.decisionH });
  if (decision === undefined) push({ kind: 'callout', tone: 'caution', lines: [l.noDecision] });
  else {
    push({
      kind: 'callout',
      tone: decision.outcome === 'approved' ? 'positive' : 'negative',
      lines: [
        [{ text: `${l.decision}: ${decision.outcome === 'approved' ? l.approved : l.rejected}`, bold: true }],
        `${decision.by}${decision.role === undefined ? '' : ` (${decision.role})`}, ${decision.date}`,
        labelled(l.reasons, decision.reasons),
        ...(decision.validUntil === undefined ? [] : [labelled(l.validUntil, decision.validUntil)]),
      ],
    });
  }

  // Annex and notes.
  push({ kind: 'heading', level: 2, text: l.annex });
  push(
    table(
      l.findingsTable,
      [
        [l.rule, 0.8],
        [l.title, 2.2],
        [l.outcome, 1.9],
        [l.source, 3.2],
      ],
      m.findings.map((f) => [f.ruleId, tx(f.title), outcomeText(f, lang, l), tx(f.citation)]),
      'small',
    ),
  );
  push({ kind: 'heading', level: 2, text: l.notes });
  push({ kind: 'list', items: m.notes.map(tx) });

  return {
    lang,
    title: `${l.docTitle}: ${m.title}`,
    subtitle: `${l.verdict}: ${tx(m.verdict.name)} — ${m.controller}, ${m.assessedOn}`,
    author: m.controller,
    blocks,
  };
};
