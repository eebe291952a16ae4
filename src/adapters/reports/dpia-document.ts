/**
 * The DPIA report as a document, mapped onto the paragraphs of the Model DPIA Rijksdienst (v3.0):
 * part A description (1 proposal … 10 retention), part B lawfulness (11 legal basis, 12 special
 * categories, 13 purpose limitation, 14 necessity and proportionality — subsidiarity with the
 * alternatives table, necessity, proportionality —, 15 rights), part C risks (16), part D
 * measures (17), then the DPO advice, the human judgements and the decision, and an annex with
 * every finding. The structure is shared by the HTML and the PDF renderer.
 */
import { findMeasure, type PurposeKind } from '../../core/assessment/catalogue.js';
import {
  ACHIEVEMENT_NAMES as ACH,
  OUTCOME_NAMES,
  PURPOSE_KIND_NAMES as KIND,
} from '../../core/assessment/labels.js';
import type { ReportFinding, ReportModel } from '../../core/assessment/report-model.js';
import type { Scenario } from '../../core/assessment/scenario.schema.js';
import type { Lang, Text } from '../../core/assessment/text.js';
import { VERDICT_NAMES, type Verdict } from '../../core/assessment/verdict.js';
import { facts, labelled, type Block, type Inline, type RenderDocument, type Tone } from './document.js';
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

const L = {
  nl: {
    docTitle: 'DPIA',
    subtitle: 'Gegevensbeschermingseffectbeoordeling volgens de paragrafen van het Model DPIA Rijksdienst',
    verdict: 'Oordeel',
    blocking: 'Blokkerende bevindingen',
    conditionsN: (n: number) =>
      `${n} voorwaarde(n) moeten vervuld zijn voordat de maatregel mag worden gebruikt.`,
    allPass: 'Alle bevindingen voldoen.',
    dpiaRequired: 'DPIA verplicht',
    key: 'Kerngegevens',
    item: 'Onderdeel',
    value: 'Gegeven',
    controller: 'Verwerkingsverantwoordelijke',
    assessedOn: 'Datum beoordeling',
    measure: 'Maatregel',
    version: 'Versie',
    status: 'Status',
    decision: 'Besluit',
    none: 'geen',
    notRecorded: 'niet vastgelegd',
    yes: 'ja',
    no: 'nee',
    guide:
      'Dit rapport volgt de zeventien paragrafen van het Model DPIA Rijksdienst (delen A tot en met D). Elke bevinding van de toets staat in de paragraaf waar zij thuishoort, met regel-id, uitkomst en bron. Waar de toets een menselijke afweging vraagt, staat het oordeel van een persoon als menselijk oordeel vermeld, met naam, datum en redenen; de uitkomst van de toets zelf blijft zichtbaar.',
    partA: 'Deel A — Beschrijving kenmerken gegevensverwerkingen',
    p1: '1. Voorstel',
    p2: '2. Persoonsgegevens',
    p3: '3–4. Gegevensverwerkingen, technieken en methoden',
    p5: '5. Verwerkingsdoeleinden',
    p6: '6. Betrokken partijen',
    p7: '7. Belangen bij de gegevensverwerkingen',
    p8: '8. Verwerkingslocaties',
    p9: '9. Juridisch en beleidsmatig kader',
    p10: '10. Bewaartermijnen',
    partB: 'Deel B — Beoordeling rechtmatigheid gegevensverwerkingen',
    p11: '11. Rechtsgrond',
    p12: '12. Bijzondere persoonsgegevens',
    p13: '13. Doelbinding',
    p14: '14. Noodzaak en evenredigheid',
    p14a: '14.1 Subsidiariteit: welke middelen, per middel de voor- en nadelen',
    p14b: '14.2 Noodzaak',
    p14c: '14.3 Proportionaliteit',
    p15: '15. Rechten van de betrokkenen',
    partC: 'Deel C — Beschrijving en beoordeling van risico’s voor de betrokkenen',
    p16: '16. Risico’s',
    partD: 'Deel D — Beschrijving van de beoogde maatregelen',
    p17: '17. Maatregelen',
    advice: 'Advies, zienswijzen en besluit',
    annex: 'Bijlage — Alle bevindingen',
    notes: 'Toelichting',
    proposal: (name: string, rank: number) =>
      `Beoordeeld middel: ${name} (nummer ${rank} van 10 in de catalogus, van minst naar meest ingrijpend).`,
    scope: 'Reikwijdte',
    rooms: 'Ruimten',
    conversations: 'Soorten gesprek',
    sensitive: 'gevoelig',
    hours: 'Uren',
    riskFlagged: 'Alleen gesprekken met een risicosignaal',
    service: 'Dienst afhankelijk van de maatregel',
    audio: 'Geluid',
    dataItems: 'Verwerkte persoonsgegevens',
    subjects: 'Categorieën betrokkenen',
    staff: 'medewerkers',
    residents: 'inwoners (cliënten)',
    minors: 'minderjarigen',
    vulnerable: 'kwetsbare groepen',
    noData: 'Geen persoonsgegevens: het middel verwerkt niets over personen.',
    alarmLog: 'Alarmlog: welke medewerker, welke ruimte, welk tijdstip (gewoon persoonsgegeven).',
    video:
      'Camerabeelden van inwoner en medewerker (gewoon persoonsgegeven; bij gevoelige gesprekken zeer persoonlijk).',
    sound: 'Geluid: de inhoud van het gesprek (waarschijnlijk bijzondere persoonsgegevens, art. 9 AVG).',
    trigger: 'Wanneer',
    stores: 'Opslag',
    whoSees: 'Wie ziet het',
    covert: 'Heimelijk',
    triggers: {
      none: 'niets wordt verwerkt',
      'manual-alarm': 'alleen als een medewerker op de alarmknop drukt',
      continuous: 'doorlopend tijdens de gesprekken in de reikwijdte',
      live: 'live meekijken, zonder opname',
    },
    stored: 'beelden of geluid worden opgeslagen',
    notStored: 'niets wordt opgeslagen (alleen getoond of in het geheugen)',
    purposeKinds: 'Soort doel',
    parties: 'Betrokken partijen',
    party: 'Partij',
    role: 'Rol',
    controllerRole: 'verwerkingsverantwoordelijke',
    internal: 'intern ontvanger (inzage)',
    accessRoles: 'Rollen met toegang tot beelden',
    interests:
      'Belang van de medewerkers: veilig werken; de werkgever moet agressie en geweld voorkomen en beperken (Arbeidsomstandighedenwet). Belang van de inwoners: gesprekken met de overheid over privacygevoelige onderwerpen vinden in beginsel onbespied plaats; niemand mag een dienst worden onthouden omdat hij bezwaar heeft tegen een camera.',
    views: 'Zienswijze van betrokkenen of hun vertegenwoordigers (art. 35(9) AVG)',
    viewsSought: 'gevraagd',
    viewsNotSought: 'niet gevraagd',
    reason: 'reden',
    location:
      'Proportio slaat gegevens op bij de verwerkingsverantwoordelijke zelf; deze beoordeling gaat uit van geen doorgifte buiten de Europese Economische Ruimte. Controleer dit voor de eigen inrichting (hosting, beheer op afstand).',
    basis: 'Grondslag',
    provision: 'Wettelijke bepaling',
    noProvision: 'geen wettelijke bepaling genoemd',
    retention: 'Bewaartermijn',
    hoursUnit: (h: number) => `${h} uur`,
    autoDelete: 'Automatisch verwijderen',
    catalogueDefault: 'standaard in de catalogus',
    nothingStored: 'niet van toepassing: het middel slaat geen beelden of geluid op',
    alternatives: 'Alternatieven naast elkaar',
    alt: 'Middel',
    help: 'Directe hulp',
    deter: 'Afschrik\u00ADking',
    proof: 'Bewijs',
    meets: 'Bereikt doel',
    verdictCol: 'Oordeel (blokkerend)',
    pros: 'Voordelen',
    cons: 'Nadelen',
    assessed: 'beoordeeld',
    perPurpose: 'Minst ingrijpend per doel',
    documented: 'Alternatieven zoals gedocumenteerd in de beoordeling',
    altStatus: {
      'in-place-insufficient': 'aanwezig, onvoldoende',
      'considered-insufficient': 'overwogen, onvoldoende',
      'adopted-instead': 'in plaats daarvan gekozen',
      'not-considered': 'niet overwogen',
    },
    reasons: 'Redenen',
    evidence: 'Bewijs van risico',
    incidents: 'Incidenten in de reikwijdte',
    serious: 'waarvan ernstig of met aangifte',
    danger: 'Concreet dreigend gevaar',
    stats: 'Algemene statistiek',
    dpiaDet: 'Is een DPIA verplicht?',
    apItems: 'Punten van de AP-lijst (Stcrt. 2019, 64418)',
    wpCriteria: 'WP248-criteria (twee of meer: DPIA waarschijnlijk verplicht)',
    number: 'Nr.',
    name: 'Omschrijving',
    residual: 'Restrisico volgens de beoordeling',
    risks: 'Open punten uit de toets',
    outcome: 'Uitkomst',
    whatNeeded: 'Wat nodig is',
    noRisks: 'Geen open punten: alle bevindingen voldoen.',
    conditions: 'Voorwaarden van het oordeel',
    noConditions: 'Het oordeel verbindt geen voorwaarden aan het middel.',
    notPermittedNoConditions:
      'Het middel is niet toegestaan. De voorwaarden hieronder zijn nodig, maar heffen de blokkerende bevindingen niet op.',
    otherFindings: 'Overige bevindingen',
    dpo: 'Advies van de functionaris gegevensbescherming (art. 35(2) AVG)',
    dpoDateOnly: (d: string) =>
      `Advies vastgelegd op ${d}; de tekst van het advies staat niet in het scenario.`,
    dpoMissing: 'Geen advies van de functionaris gegevensbescherming vastgelegd.',
    followed: 'Advies gevolgd',
    response: 'Reactie van de verwerkingsverantwoordelijke',
    judgements: 'Menselijke oordelen',
    judgementsIntro:
      'Deze oordelen zijn van de genoemde personen, niet van de toets. De uitkomst van de toets blijft ernaast staan.',
    noJudgements: 'Er zijn geen menselijke oordelen vastgelegd.',
    rule: 'Regel',
    engine: 'Uitkomst toets',
    judged: 'Oordeel persoon',
    by: 'Door',
    date: 'Datum',
    decisionH: 'Besluit van de verantwoordelijke',
    noDecision:
      'Er is geen besluit vastgelegd. Dit is een concept: alleen een goedgekeurde versie, met advies van de FG en een besluit van de verantwoordelijke, in werking en vóór de herbeoordelingsdatum, kan een opnamemodus inschakelen.',
    approved: 'goedgekeurd',
    rejected: 'afgewezen',
    validUntil: 'Geldig tot',
    statusNames: {
      draft: 'concept',
      submitted: 'concept',
      approved: 'goedgekeurd',
      rejected: 'afgewezen',
      withdrawn: 'ingetrokken',
    },
    findingsTable: 'Alle bevindingen met uitkomst en bron',
    source: 'Bron',
    title: 'Titel',
    humanJudgement: 'Menselijk oordeel',
    engineSaid: 'uitkomst van de toets',
    condition: 'Voorwaarde',
    judgedBy: 'oordeel van',
  },
  en: {
    docTitle: 'DPIA',
    subtitle:
      'Data protection impact assessment following the paragraphs of the Dutch government’s Model DPIA Rijksdienst',
    verdict: 'Verdict',
    blocking: 'Blocking findings',
    conditionsN: (n: number) => `${n} condition(s) must be met before the measure may be used.`,
    allPass: 'All findings pass.',
    dpiaRequired: 'DPIA required',
    key: 'Key facts',
    item: 'Item',
    value: 'Value',
    controller: 'Controller',
    assessedOn: 'Assessed on',
    measure: 'Measure',
    version: 'Version',
    status: 'Status',
    decision: 'Decision',
    none: 'none',
    notRecorded: 'not recorded',
    yes: 'yes',
    no: 'no',
    guide:
      'This report follows the seventeen paragraphs of the Model DPIA Rijksdienst (parts A to D). Every finding of the assessment appears in the paragraph it belongs to, with its rule id, outcome and source. Where the assessment needs a human judgement, a person’s judgement is shown as a human judgement, with name, date and reasons; the engine’s own outcome stays visible.',
    partA: 'Part A — Description of the processing',
    p1: '1. Proposal',
    p2: '2. Personal data',
    p3: '3–4. Processing operations, techniques and methods',
    p5: '5. Purposes of the processing',
    p6: '6. Parties involved',
    p7: '7. Interests in the processing',
    p8: '8. Processing locations',
    p9: '9. Legal and policy framework',
    p10: '10. Retention periods',
    partB: 'Part B — Assessment of lawfulness',
    p11: '11. Legal basis',
    p12: '12. Special categories of personal data',
    p13: '13. Purpose limitation',
    p14: '14. Necessity and proportionality',
    p14a: '14.1 Subsidiarity: which measures, and the pros and cons of each',
    p14b: '14.2 Necessity',
    p14c: '14.3 Proportionality',
    p15: '15. Rights of data subjects',
    partC: 'Part C — Description and assessment of risks for data subjects',
    p16: '16. Risks',
    partD: 'Part D — Description of the intended measures',
    p17: '17. Measures',
    advice: 'Advice, views and decision',
    annex: 'Annex — All findings',
    notes: 'Notes',
    proposal: (name: string, rank: number) =>
      `Measure assessed: ${name} (number ${rank} of 10 in the catalogue, from least to most intrusive).`,
    scope: 'Scope',
    rooms: 'Rooms',
    conversations: 'Kinds of conversation',
    sensitive: 'sensitive',
    hours: 'Hours',
    riskFlagged: 'Risk-flagged conversations only',
    service: 'Service conditional on the measure',
    audio: 'Sound',
    dataItems: 'Personal data processed',
    subjects: 'Categories of data subjects',
    staff: 'staff',
    residents: 'residents (clients)',
    minors: 'minors',
    vulnerable: 'vulnerable groups',
    noData: 'No personal data: the measure processes nothing about people.',
    alarmLog: 'Alarm log: which staff member, which room, what time (ordinary personal data).',
    video:
      'Images of resident and staff member (ordinary personal data; highly personal in sensitive conversations).',
    sound: 'Sound: the content of the conversation (likely special-category data, GDPR Art. 9).',
    trigger: 'When',
    stores: 'Storage',
    whoSees: 'Who sees it',
    covert: 'Covert',
    triggers: {
      none: 'nothing is processed',
      'manual-alarm': 'only when a staff member presses the alarm',
      continuous: 'continuously during the conversations in scope',
      live: 'watched live, not recorded',
    },
    stored: 'images or sound are stored',
    notStored: 'nothing is stored (only shown or held in memory)',
    purposeKinds: 'Kind of purpose',
    parties: 'Parties involved',
    party: 'Party',
    role: 'Role',
    controllerRole: 'controller',
    internal: 'internal recipient (viewing)',
    accessRoles: 'Roles with access to footage',
    interests:
      'Staff interest: safe work; the employer must prevent and limit aggression and violence (Working Conditions Act). Residents’ interest: conversations with government about privacy-sensitive subjects take place, in principle, unobserved; nobody may be refused a service for objecting to a camera.',
    views: 'Views of data subjects or their representatives (GDPR Art. 35(9))',
    viewsSought: 'sought',
    viewsNotSought: 'not sought',
    reason: 'reason',
    location:
      'Proportio stores data at the controller itself; this assessment assumes no transfer outside the European Economic Area. Check this for your own installation (hosting, remote administration).',
    basis: 'Legal basis',
    provision: 'Provision of law',
    noProvision: 'no provision of law cited',
    retention: 'Retention',
    hoursUnit: (h: number) => `${h} hours`,
    autoDelete: 'Automatic deletion',
    catalogueDefault: 'catalogue default',
    nothingStored: 'not applicable: the measure stores no images or sound',
    alternatives: 'Alternatives side by side',
    alt: 'Measure',
    help: 'Immediate help',
    deter: 'Deter\u00ADrence',
    proof: 'Evidence',
    meets: 'Meets purpose',
    verdictCol: 'Verdict (blocking)',
    pros: 'Pros',
    cons: 'Cons',
    assessed: 'assessed',
    perPurpose: 'Least intrusive per purpose',
    documented: 'Alternatives as documented in the assessment',
    altStatus: {
      'in-place-insufficient': 'in place, insufficient',
      'considered-insufficient': 'considered, insufficient',
      'adopted-instead': 'adopted instead',
      'not-considered': 'not considered',
    },
    reasons: 'Reasons',
    evidence: 'Evidence of risk',
    incidents: 'Incidents in scope',
    serious: 'of which serious or reported to the police',
    danger: 'Concrete imminent danger',
    stats: 'General statistics',
    dpiaDet: 'Is a DPIA required?',
    apItems: 'Dutch DPA list items (Stcrt. 2019, 64418)',
    wpCriteria: 'WP248 criteria (two or more: a DPIA is likely required)',
    number: 'No.',
    name: 'Description',
    residual: 'Residual risk according to the assessment',
    risks: 'Open points from the assessment',
    outcome: 'Outcome',
    whatNeeded: 'What is needed',
    noRisks: 'No open points: every finding passes.',
    conditions: 'Conditions of the verdict',
    noConditions: 'The verdict attaches no conditions to the measure.',
    notPermittedNoConditions:
      'The measure is not permitted. The conditions below are needed, but they do not cure the blocking findings.',
    otherFindings: 'Other findings',
    dpo: 'Advice of the data protection officer (GDPR Art. 35(2))',
    dpoDateOnly: (d: string) => `Advice recorded on ${d}; the text of the advice is not in the scenario.`,
    dpoMissing: 'No advice of the data protection officer has been recorded.',
    followed: 'Advice followed',
    response: 'Controller’s response',
    judgements: 'Human judgements',
    judgementsIntro:
      'These judgements are the named persons’, not the engine’s. The engine’s outcome is shown next to them.',
    noJudgements: 'No human judgements have been recorded.',
    rule: 'Rule',
    engine: 'Engine outcome',
    judged: 'Person’s judgement',
    by: 'By',
    date: 'Date',
    decisionH: 'Decision of the accountable official',
    noDecision:
      'No decision has been recorded. This is a draft: only an approved version, with the DPO’s advice and a decision by the accountable official, in force and before its review date, can enable a recording mode.',
    approved: 'approved',
    rejected: 'rejected',
    validUntil: 'Valid until',
    statusNames: {
      draft: 'draft',
      submitted: 'draft',
      approved: 'approved',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
    },
    findingsTable: 'All findings with outcome and source',
    source: 'Source',
    title: 'Title',
    humanJudgement: 'Human judgement',
    engineSaid: 'engine outcome',
    condition: 'Condition',
    judgedBy: 'judgement of',
  },
} as const;

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
export const outcomeText = (f: ReportFinding, lang: Lang): string => {
  const engine = OUTCOME_NAMES[f.engineOutcome][lang];
  const j = f.humanJudgement;
  return j === undefined
    ? engine
    : `${engine} → ${OUTCOME_NAMES[j.outcome][lang]} (${L[lang].judgedBy} ${j.name})`;
};

const findingBlocks = (f: ReportFinding, lang: Lang, level: 4 | 5): Block[] => {
  const l = L[lang];
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
  out.push({ kind: 'paragraph', content: labelled(l.source, f.source), muted: true, size: 'small' });
  return out;
};

const hoursOrDefault = (h: number | null | undefined, lang: Lang): string =>
  h === null || h === undefined ? L[lang].notRecorded : L[lang].hoursUnit(h);

export const buildDpiaDocument = (
  m: ReportModel,
  lang: Lang,
  options: DpiaReportOptions = {},
): RenderDocument => {
  const l = L[lang];
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
      .flatMap((f) => findingBlocks(f, lang, p.startsWith('p14') ? 5 : 4));
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
  push({
    kind: 'table',
    caption: l.parties,
    columns: [
      { header: l.party, weight: 2 },
      { header: l.role, weight: 1.4 },
    ],
    rows: partyRows,
    rowHeaders: true,
  });

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
        [l.basis, `AVG/GDPR art. ${m.legalBasis.article}`],
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
              ? hoursOrDefault(s.safeguards.retentionHours, lang)
              : `${hoursOrDefault(measure.defaultRetentionHours, lang)} (${l.catalogueDefault})`,
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
  const nameOf = (id: string): string =>
    tx(m.alternatives.rows.find((r) => r.measureId === id)?.name ?? { nl: id, en: id });
  push({
    kind: 'table',
    caption: `${l.alternatives} (${m.alternatives.purposeKinds.map((k) => tx(KIND[k])).join(', ') || l.none})`,
    size: 'xsmall',
    rowHeaders: true,
    columns: [
      { header: l.alt, weight: 2.5 },
      { header: l.help, weight: 1 },
      { header: l.deter, weight: 1.15 },
      { header: l.proof, weight: 0.95 },
      { header: l.meets, weight: 0.95 },
      { header: l.verdictCol, weight: 1.7 },
      { header: l.pros, weight: 2.2 },
      { header: l.cons, weight: 2.2 },
    ],
    rows: m.alternatives.rows.map((r) => [
      { text: `${r.rank}. ${tx(r.name)}${r.assessed ? ` (${l.assessed})` : ''}`, bold: true },
      tx(ACH[r.achieves['immediate-help']]),
      tx(ACH[r.achieves.deterrence]),
      tx(ACH[r.achieves.evidence]),
      r.meetsPurpose ? l.yes : l.no,
      `${tx(VERDICT_NAMES[r.verdict])}${r.failedRules.length > 0 ? ` (${r.failedRules.join(', ')})` : ''}`,
      tx(r.pros),
      tx(r.cons),
    ]),
  });
  push({ kind: 'paragraph', content: [{ text: tx(m.alternatives.conclusion), bold: true }] });
  const per = Object.entries(m.alternatives.leastIntrusivePerPurpose) as [PurposeKind, string][];
  if (per.length > 0)
    push({
      kind: 'paragraph',
      content: labelled(l.perPurpose, per.map(([k, id]) => `${tx(KIND[k])} → ${nameOf(id)}`).join('; ')),
    });
  if (s !== undefined && s.alternatives.length > 0) {
    push({
      kind: 'table',
      caption: l.documented,
      rowHeaders: true,
      size: 'small',
      columns: [
        { header: l.alt, weight: 1.6 },
        { header: l.status, weight: 1.1 },
        { header: l.reasons, weight: 3.3 },
      ],
      rows: s.alternatives.map((a) => [
        nameOf(a.measure),
        l.altStatus[a.status],
        a.reasons === '' ? '—' : a.reasons,
      ]),
    });
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
      : {
          kind: 'table',
          caption,
          rowHeaders: true,
          columns: [
            { header: l.number, weight: 0.5 },
            { header: l.name, weight: 5 },
          ],
          rows: items.map((i) => [String(i.number), tx(i.name)]),
        };
  push(named(l.apItems, m.dpia.apListItems), named(l.wpCriteria, m.dpia.wp248Criteria));
  if (m.dpia.reasons.length > 0) push({ kind: 'list', items: m.dpia.reasons.map(tx) });
  if (s?.dpia.residualRisk !== undefined)
    push({ kind: 'paragraph', content: labelled(l.residual, s.dpia.residualRisk) });
  const open = m.findings.filter((f) => f.effectiveOutcome !== 'pass');
  if (open.length === 0) push({ kind: 'paragraph', content: l.noRisks });
  else {
    push({
      kind: 'table',
      caption: l.risks,
      rowHeaders: true,
      size: 'small',
      columns: [
        { header: l.rule, weight: 0.8 },
        { header: l.title, weight: 2.2 },
        { header: l.outcome, weight: 1.3 },
        { header: l.whatNeeded, weight: 3.2 },
      ],
      rows: open.map((f) => [
        f.ruleId,
        tx(f.title),
        OUTCOME_NAMES[f.effectiveOutcome][lang],
        f.conditions.length > 0
          ? f.conditions.map((c) => tx(c.text)).join(' ')
          : f.reasons[0] === undefined
            ? '—'
            : tx(f.reasons[0]),
      ]),
    });
  }
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
    push({
      kind: 'table',
      caption: l.judgements,
      rowHeaders: true,
      size: 'small',
      columns: [
        { header: l.rule, weight: 1.1 },
        { header: l.engine, weight: 1.3 },
        { header: l.judged, weight: 1 },
        { header: l.by, weight: 1.7 },
        { header: l.date, weight: 1.1 },
        { header: l.reasons, weight: 3.5 },
      ],
      rows: m.humanJudgements.map((j) => {
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
    });
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
  push({
    kind: 'table',
    caption: l.findingsTable,
    rowHeaders: true,
    size: 'small',
    columns: [
      { header: l.rule, weight: 0.8 },
      { header: l.title, weight: 2.2 },
      { header: l.outcome, weight: 1.9 },
      { header: l.source, weight: 3.2 },
    ],
    rows: m.findings.map((f) => [f.ruleId, tx(f.title), outcomeText(f, lang), f.source]),
  });
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
