/**
 * The regulator dossier (issue 12 §4, docs/dossier.md) as a tagged PDF per language — one PDF in
 * Dutch, one in English (ADR 0009: a bilingual PDF halves every table's width and a reader reads
 * one language) — and the ZIP that carries them with dossier.json. Every figure printed here is
 * read from the Dossier value, so the PDF and the JSON cannot disagree.
 */
import { inLanguage, t, type Lang, type Text } from '../../core/assessment/text.js';
import type { Dossier } from '../../core/dossier/dossier.schema.js';
import { count, type PluralForms } from '../../core/plural.js';
import type { DossierFile, DossierRenderer } from '../../services/dossier-ports.js';
import { zipFiles } from '../evidence/package.js';
import { facts, table, type Block, type RenderDocument } from './document.js';
import { renderPdf } from './pdf-document.js';

const L = {
  title: t('Dossier voor de toezichthouder', 'Dossier for the regulator'),
  sub: t(
    'Verantwoording van cameratoezicht en alarmering in spreekkamers',
    'Accountability for camera surveillance and alarms in interview rooms',
  ),
  period: t('Periode', 'Period'),
  generated: t('Opgesteld', 'Generated'),
  intro: t(
    'Dit dossier is samengesteld door Proportio uit de eigen registraties. Het noemt geen inwoners: verzoeken van betrokkenen staan erin met soort, data en tijdigheid, zonder naam, contactgegevens of tijdvak. De gegevens staan ook in dossier.json (schema: docs/dossier.schema.json).',
    'Proportio compiled this dossier from its own records. It names no residents: data subject requests appear by kind, dates and timeliness, without name, contact details or time window. The same data is in dossier.json (schema: docs/dossier.schema.json).',
  ),
  org: t('1. Organisatie en functionaris gegevensbescherming', '1. Organisation and data protection officer'),
  orgCaption: t('Verwerkingsverantwoordelijke en FG', 'Controller and DPO'),
  item: t('Onderdeel', 'Item'),
  value: t('Inhoud', 'Content'),
  name: t('Naam', 'Name'),
  address: t('Adres', 'Address'),
  dpo: t('Functionaris gegevensbescherming', 'Data protection officer'),
  noOrg: t('De organisatie is nog niet ingesteld.', 'The organisation has not been set up yet.'),
  measures: t('2. Maatregelen per ruimte en soort gesprek', '2. Measures per room and kind of conversation'),
  noMeasures: t('Geen afwegingen vastgelegd.', 'No assessments recorded.'),
  rooms: t('Ruimten', 'Rooms'),
  types: t('Soorten gesprek', 'Kinds of conversation'),
  inForce: t('Van kracht aan het eind van de periode', 'In force at the end of the period'),
  yes: t('ja', 'yes'),
  no: t('nee', 'no'),
  versions: t('Versies van de afweging', 'Versions of the assessment'),
  version: t('Versie', 'Version'),
  status: t('Status', 'Status'),
  advice: t('Advies FG', 'DPO advice'),
  decision: t('Besluit', 'Decision'),
  review: t('Herbeoordeling', 'Review date'),
  none: t('geen', 'none'),
  policy: t('3. Geschiedenis van het opnamebeleid', '3. History of the recording policy'),
  policyIntro: t(
    'Elke versie van het beleid zegt waar welke opname mocht. Zonder regel voor een ruimte werd daar niet opgenomen.',
    'Each policy version says where which recording was allowed. Without an entry for a room, nothing was recorded there.',
  ),
  atStart: t('Van kracht bij het begin van de periode', 'In force at the start of the period'),
  inPeriod: t('Versies in de periode', 'Versions within the period'),
  noPolicy: t('Geen beleid: nergens opname toegestaan.', 'No policy: recording allowed nowhere.'),
  noVersions: t('Geen nieuwe versies in de periode.', 'No new versions within the period.'),
  compiled: t('Vastgesteld', 'Compiled'),
  trigger: t('Aanleiding', 'Trigger'),
  recorded: t('Opname toegestaan', 'Recording allowed'),
  nothing: t('nergens', 'nowhere'),
  suspensions: t('4. Opschortingen en bezwaren', '4. Suspensions and objections'),
  suspCaption: t('Opschortingen van de opname', 'Suspensions of recording'),
  scope: t('Bereik', 'Scope'),
  suspended: t('Opgeschort', 'Suspended'),
  resumed: t('Hervat', 'Resumed'),
  stillSuspended: t('nog opgeschort', 'still suspended'),
  objCaption: t('Bezwaren ter plekke (opname direct uit)', 'Objections on the spot (recording off at once)'),
  when: t('Wanneer', 'When'),
  room: t('Ruimte', 'Room'),
  site: t('Locatie', 'Site'),
  organisationWide: t('hele organisatie', 'whole organisation'),
  recordings: t('5. Opnamen per maand', '5. Recordings per month'),
  recIntro: t(
    'Per maand van opname: hoeveel opnamen er zijn gemaakt, en hoeveel daarvan zijn bekeken, geëxporteerd, vastgehouden (legal hold of beperking) en op tijd gewist. Op tijd: uiterlijk een uur na het einde van de bewaartermijn of van de hold.',
    'Per month of recording: how many clips were recorded, and how many of them were viewed, exported, held (legal hold or restriction) and deleted on time. On time: at most an hour after the end of the retention or of the hold.',
  ),
  recCaption: t('Opnamen per maand', 'Recordings per month'),
  month: t('Maand', 'Month'),
  nRecorded: t('Opgenomen', 'Recorded'),
  viewed: t('Bekeken', 'Viewed'),
  exported: t('Geëxporteerd', 'Exported'),
  held: t('Vastgehouden', 'Held'),
  deletedOnTime: t('Op tijd gewist', 'Deleted on time'),
  deletedLate: t('Te laat gewist', 'Deleted late'),
  kept: t('Bewaard na termijn', 'Kept past deadline'),
  total: t('Totaal', 'Total'),
  access: t('6. Toegang tot beelden', '6. Access to footage'),
  accessCaption: t(
    'Verzoeken om beelden te bekijken of te exporteren (vier ogen)',
    'Requests to view or export footage (four eyes)',
  ),
  who: t('Wie', 'Who'),
  why: t('Waarom', 'Why'),
  ground: t('Grondslag', 'Ground'),
  outcome: t('Uitkomst', 'Outcome'),
  plays: t('Afgespeeld', 'Plays'),
  noAccess: t('Geen verzoeken om beelden in de periode.', 'No requests for footage in the period.'),
  exportCaption: t('Exporten van beelden als bewijs', 'Exports of footage as evidence'),
  noExports: t('Geen exporten in de periode.', 'No exports in the period.'),
  requests: t('7. Verzoeken van betrokkenen', '7. Data subject requests'),
  reqCaption: t(
    'Verzoeken (AVG art. 15, 17, 18, 21) en hun tijdigheid',
    'Requests (GDPR Art. 15, 17, 18, 21) and their timeliness',
  ),
  received: t('Ontvangen', 'Received'),
  kind: t('Soort', 'Kind'),
  dueOn: t('Termijn', 'Due'),
  answered: t('Beantwoord', 'Answered'),
  timeliness: t('Tijdigheid', 'Timeliness'),
  extended: t('verlengd', 'extended'),
  noRequests: t('Geen verzoeken in de periode.', 'No requests in the period.'),
  complaints: t(
    '8. Klachten en vragen van de toezichthouder',
    '8. Complaints and inquiries from the regulator',
  ),
  complCaption: t('Klachten en vragen van de toezichthouder', 'Complaints and inquiries'),
  from: t('Van', 'From'),
  noComplaints: t('Geen klachten of vragen in de periode.', 'No complaints or inquiries in the period.'),
  register: t(
    '9. Register van verwerkingsactiviteiten (AVG art. 30)',
    '9. Register of processing activities (GDPR Art. 30)',
  ),
  registerEntry: t('Vermelding in het register', 'Register entry'),
  noRegister: t(
    'Geen goedgekeurde maatregel: geen vermelding in het register.',
    'No approved measure: no register entry.',
  ),
  purposes: t('Doeleinden', 'Purposes'),
  basis: t('Grondslag', 'Legal basis'),
  subjects: t('Betrokkenen', 'Data subjects'),
  data: t('Persoonsgegevens', 'Personal data'),
  recipients: t('Ontvangers', 'Recipients'),
  transfers: t('Doorgifte buiten de EER', 'Transfers outside the EEA'),
  retention: t('Bewaartermijn', 'Retention'),
  security: t('Beveiliging', 'Security'),
  justification: t('Onderbouwing', 'Justification'),
  approvedOn: t('goedgekeurd op', 'approved on'),
  audit: t('10. Controle van het auditlog', '10. Verification of the audit log'),
  auditCaption: t(
    'Verificatie van de hashketen en het anker',
    'Verification of the hash chain and its anchor',
  ),
  verifiedAt: t('Gecontroleerd', 'Verified'),
  result: t('Uitkomst', 'Result'),
  intact: t('keten intact', 'chain intact'),
  broken: t('keten NIET intact', 'chain NOT intact'),
  checked: t('Gecontroleerde regels', 'Entries checked'),
  head: t('Hash van de laatste regel', 'Hash of the last entry'),
  anchor: t('Anker', 'Anchor'),
  noAnchor: t('geen ankerbestand ingesteld', 'no anchor file configured'),
  anchorAbsent: t('nog geen anker geschreven', 'no anchor written yet'),
  anchors: t('geldige ankers', 'valid anchors'),
  lastAnchor: t('laatste geldige anker', 'last valid anchor'),
  problem: t('Probleem', 'Problem'),
} as const;

const WORDS: Record<string, Text> = {
  draft: t('concept', 'draft'),
  submitted: t('ingediend', 'submitted'),
  approved: t('goedgekeurd', 'approved'),
  rejected: t('afgewezen', 'rejected'),
  withdrawn: t('ingetrokken', 'withdrawn'),
  approval: t('goedkeuring', 'approval'),
  rejection: t('afwijzing', 'rejection'),
  withdrawal: t('intrekking', 'withdrawal'),
  expiry: t('verlopen', 'expiry'),
  schedule: t('planning', 'schedule'),
  'approve-with-conditions': t('goedkeuren met voorwaarden', 'approve with conditions'),
  approve: t('goedkeuren', 'approve'),
  reject: t('afwijzen', 'reject'),
  'incident-triggered': t('alleen bij alarm', 'only on alarm'),
  continuous: t('doorlopend', 'continuous'),
  site: t('locatie', 'site'),
  organisation: t('hele organisatie', 'whole organisation'),
  access: t('inzage', 'access'),
  erasure: t('wissing', 'erasure'),
  restriction: t('beperking', 'restriction'),
  objection: t('bezwaar', 'objection'),
  'on-time': t('op tijd', 'on time'),
  late: t('te laat', 'late'),
  open: t('loopt', 'open'),
  overdue: t('termijn verstreken', 'overdue'),
  'own-investigation': t('eigen onderzoek', 'own investigation'),
  'police-report': t('aangifte', 'police report'),
  'subject-access': t('inzageverzoek', 'subject access'),
  complaint: t('klacht', 'complaint'),
  pending: t('wacht op goedkeuring', 'pending'),
  granted: t('toegestaan', 'granted'),
  refused: t('geweigerd', 'refused'),
  revoked: t('ingetrokken', 'revoked'),
  ended: t('beëindigd', 'ended'),
  view: t('bekijken', 'view'),
  export: t('exporteren', 'export'),
  received: t('ontvangen', 'received'),
  'in-progress': t('in behandeling', 'in progress'),
  decided: t('besloten', 'decided'),
  sent: t('verzonden', 'sent'),
  closed: t('gesloten', 'closed'),
  partly: t('deels toegewezen', 'partly granted'),
  desk: t('balie', 'desk'),
  post: t('post', 'post'),
  email: t('e-mail', 'email'),
  phone: t('telefoon', 'phone'),
  web: t('website', 'web'),
  permitted: t('toegestaan', 'permitted'),
  'not-permitted': t('niet toegestaan', 'not permitted'),
  'regulator-inquiry': t('vraag van de AP', 'regulator inquiry'),
  resident: t('bewoner', 'resident'),
  staff: t('medewerker', 'staff'),
  union: t('vakbond', 'union'),
  'works-council': t('ondernemingsraad', 'works council'),
  regulator: t('Autoriteit Persoonsgegevens', 'Dutch DPA'),
  other: t('anders', 'other'),
  founded: t('gegrond', 'founded'),
  'partly-founded': t('deels gegrond', 'partly founded'),
  unfounded: t('ongegrond', 'unfounded'),
  'permitted-with-conditions': t('toegestaan onder voorwaarden', 'permitted with conditions'),
};

const FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
};
const DAY_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' }),
};

const MONTH_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'short', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' }),
};

const ENTRIES: PluralForms = { one: 'regel', other: 'regels' };

export const dossierDocument = (d: Dossier, lang: Lang): RenderDocument => {
  const l = inLanguage(L, lang);
  const w = (code: string | null): string => (code === null ? l.none : (WORDS[code]?.[lang] ?? code));
  const at = (iso: string | null): string => (iso === null ? '—' : FORMATS[lang].format(new Date(iso)));
  const day = (d: string | null): string =>
    d === null ? '—' : DAY_FORMATS[lang].format(new Date(`${d.slice(0, 10)}T12:00:00Z`));
  const tx = (x: Text): string => x[lang];
  const period = `${day(d.period.from)} – ${day(d.period.to)}`;
  const b: Block[] = [
    { kind: 'heading', level: 1, text: l.title },
    { kind: 'paragraph', content: `${d.organisation?.name ?? ''} — ${l.period}: ${period}`, muted: true },
    { kind: 'paragraph', content: `${l.generated}: ${at(d.generatedAt)}`, muted: true, size: 'small' },
    { kind: 'paragraph', content: l.intro },
    { kind: 'heading', level: 2, text: l.org },
  ];
  const o = d.organisation;
  if (o === null) b.push({ kind: 'paragraph', content: l.noOrg });
  else
    b.push(
      facts(
        l.orgCaption,
        [l.item, l.value],
        [
          [l.name, o.name],
          [l.address, o.address],
          [l.dpo, [o.dpo.name, o.dpo.email, o.dpo.phone].filter((x) => x !== '').join(', ')],
        ],
      ),
    );

  b.push({ kind: 'heading', level: 2, text: l.measures });
  if (d.measures.length === 0) b.push({ kind: 'paragraph', content: l.noMeasures });
  for (const m of d.measures) {
    b.push({ kind: 'heading', level: 3, text: m.title });
    b.push({
      kind: 'list',
      items: [
        `${l.rooms}: ${m.rooms.join(', ') || l.none}`,
        `${l.types}: ${m.conversationTypes.join(', ') || l.none}`,
        `${l.inForce}: ${m.inForce ? l.yes : l.no}`,
      ],
    });
    b.push(
      table(
        `${l.versions}: ${m.title}`,
        [
          [l.version, 0.5],
          [l.status, 0.9],
          [l.advice, 1.6],
          [l.decision, 1.6],
          [l.review, 0.9],
        ],
        m.versions.map((v) => [
          `v${v.version}`,
          w(v.status),
          v.dpoAdvice === null
            ? l.none
            : `${w(v.dpoAdvice.recommendation)} — ${v.dpoAdvice.by}, ${at(v.dpoAdvice.at)}`,
          v.decision === null
            ? l.none
            : `${w(v.decision.outcome)} — ${v.decision.by}, ${at(v.decision.at)}${v.withdrawal === null ? '' : `; ${w('withdrawn')} ${at(v.withdrawal.at)}`}`,
          day(v.reviewDate),
        ]),
        'small',
      ),
    );
  }

  b.push({ kind: 'heading', level: 2, text: l.policy }, { kind: 'paragraph', content: l.policyIntro });
  const policyRows = (vs: readonly Dossier['policyHistory']['versions'][number][]) =>
    vs.map((v) => [
      `#${v.seq}`,
      at(v.compiledAt),
      w(v.trigger),
      v.recording.length === 0
        ? l.nothing
        : v.recording
            .map((e) => `${e.room} (${e.site}) — ${e.conversationType}: ${w(e.mode)}, ${e.retentionHours} h`)
            .join('\n'),
    ]);
  const policyColumns = [
    ['#', 0.4],
    [l.compiled, 1],
    [l.trigger, 0.9],
    [l.recorded, 3],
  ] as const;
  b.push({ kind: 'heading', level: 3, text: l.atStart });
  const start = d.policyHistory.inForceAtStart;
  b.push(
    start === null
      ? { kind: 'paragraph', content: l.noPolicy }
      : table(l.atStart, policyColumns, policyRows([start]), 'small'),
  );
  b.push({ kind: 'heading', level: 3, text: l.inPeriod });
  b.push(
    d.policyHistory.versions.length === 0
      ? { kind: 'paragraph', content: l.noVersions }
      : table(l.inPeriod, policyColumns, policyRows(d.policyHistory.versions), 'small'),
  );

  b.push({ kind: 'heading', level: 2, text: l.suspensions });
  b.push({
    kind: 'paragraph',
    content: `${l.suspCaption}: ${d.suspensions.count}. ${l.objCaption}: ${d.objections.count}.`,
  });
  if (d.suspensions.count > 0)
    b.push(
      table(
        l.suspCaption,
        [
          [l.scope, 1.4],
          [l.suspended, 1],
          [l.resumed, 1],
        ],
        d.suspensions.items.map((s) => [
          s.site ?? l.organisationWide,
          at(s.suspendedAt),
          s.resumedAt === null ? l.stillSuspended : at(s.resumedAt),
        ]),
        'small',
      ),
    );
  if (d.objections.count > 0)
    b.push(
      table(
        l.objCaption,
        [
          [l.when, 1],
          [l.room, 1],
          [l.site, 1],
        ],
        d.objections.items.map((x) => [at(x.at), x.room, x.site]),
        'small',
      ),
    );

  b.push({ kind: 'heading', level: 2, text: l.recordings }, { kind: 'paragraph', content: l.recIntro });
  const r = d.recordings;
  const figures = (x: typeof r.totals) =>
    [x.recorded, x.viewed, x.exported, x.held, x.deletedOnTime, x.deletedLate, x.keptPastDeadline].map(
      String,
    );
  b.push(
    table(
      l.recCaption,
      [
        [l.month, 0.9],
        [l.nRecorded, 0.8],
        [l.viewed, 0.8],
        [l.exported, 0.9],
        [l.held, 0.9],
        [l.deletedOnTime, 0.9],
        [l.deletedLate, 0.9],
        [l.kept, 0.9],
      ],
      [
        ...r.months.map((m) => [
          MONTH_FORMATS[lang].format(new Date(`${m.month}-15T12:00:00Z`)),
          ...figures(m),
        ]),
        [{ text: l.total, bold: true }, ...figures(r.totals).map((text) => ({ text, bold: true }))],
      ],
      'small',
    ),
  );

  b.push({ kind: 'heading', level: 2, text: l.access });
  const a = d.footageAccess;
  b.push(
    a.requests.length === 0
      ? { kind: 'paragraph', content: l.noAccess }
      : table(
          l.accessCaption,
          [
            [l.when, 1],
            [l.who, 1.1],
            [l.room, 1],
            [l.why, 1.8],
            [l.outcome, 0.9],
            [l.plays, 0.6],
          ],
          a.requests.map((x) => [
            at(x.requestedAt),
            x.requestedBy,
            `${x.room} (${x.site})`,
            `${w(x.legalGround)}: ${x.reason} (${x.purposes.map(w).join(', ')})`,
            w(x.state),
            String(x.plays),
          ]),
          'small',
        ),
  );
  b.push(
    a.exports.length === 0
      ? { kind: 'paragraph', content: l.noExports }
      : table(
          l.exportCaption,
          [
            [l.when, 1],
            [l.who, 1],
            [l.room, 1],
          ],
          a.exports.map((x) => [at(x.at), x.by, x.room]),
          'small',
        ),
  );

  b.push({ kind: 'heading', level: 2, text: l.requests });
  const s = d.subjectRequests;
  b.push({
    kind: 'paragraph',
    content: `${l.reqCaption}: ${s.count} — ${w('on-time')} ${s.onTime}, ${w('late')} ${s.late}, ${w('open')} ${s.open}, ${w('overdue')} ${s.overdue}.`,
  });
  b.push(
    s.count === 0
      ? { kind: 'paragraph', content: l.noRequests }
      : table(
          l.reqCaption,
          [
            [l.received, 1],
            [l.kind, 0.9],
            [l.site, 1.2],
            [l.status, 0.9],
            [l.dueOn, 1],
            [l.answered, 1],
            [l.timeliness, 1],
          ],
          s.items.map((x) => [
            day(x.receivedOn),
            `${w(x.kind)} (${w(x.channel)})`,
            x.site,
            `${w(x.status)}${x.decision === null ? '' : `: ${w(x.decision)}`}`,
            `${day(x.dueOn)}${x.extended ? ` (${l.extended})` : ''}`,
            day(x.answeredOn),
            w(x.timeliness),
          ]),
          'small',
        ),
  );

  b.push({ kind: 'heading', level: 2, text: l.complaints });
  const c = d.complaints;
  if (!c.available) b.push({ kind: 'callout', tone: 'caution', lines: [tx(c.note)] });
  else
    b.push(
      c.count === 0
        ? { kind: 'paragraph', content: l.noComplaints }
        : table(
            l.complCaption,
            [
              [l.received, 1],
              [l.kind, 1],
              [l.from, 1],
              [l.dueOn, 1],
              [l.answered, 1],
              [l.timeliness, 0.8],
              [l.outcome, 1],
            ],
            c.items.map((x) => [
              day(x.receivedOn),
              w(x.kind),
              w(x.from),
              day(x.dueOn),
              day(x.answeredOn),
              x.onTime === null ? l.none : w(x.onTime ? 'on-time' : 'late'),
              w(x.outcome),
            ]),
            'small',
          ),
    );

  b.push({ kind: 'heading', level: 2, text: l.register });
  if (d.register.length === 0) b.push({ kind: 'paragraph', content: l.noRegister });
  for (const e of d.register) {
    b.push({ kind: 'heading', level: 3, text: tx(e.name) });
    b.push(
      facts(
        l.registerEntry,
        [l.item, l.value],
        [
          [l.purposes, e.purposes.map(tx).join('\n')],
          [l.basis, e.legalBasis],
          [l.subjects, e.dataSubjectCategories.map(tx).join('\n') || l.none],
          [l.data, e.personalDataCategories.map(tx).join('\n')],
          [l.recipients, e.recipients.map(tx).join('\n')],
          [l.transfers, tx(e.transfers)],
          [l.retention, tx(e.retention)],
          [l.security, e.securityMeasures.map(tx).join('\n')],
          [
            l.justification,
            `${e.assessmentId}${e.version === null ? '' : ` v${e.version}`}, ${l.approvedOn} ${day(e.approvedOn)}${e.reviewDate === null ? '' : `; ${l.review} ${day(e.reviewDate)}`}`,
          ],
        ],
      ),
    );
  }

  b.push({ kind: 'heading', level: 2, text: l.audit });
  const au = d.audit;
  const anchorText =
    au.anchor === null
      ? l.noAnchor
      : !au.anchor.present
        ? l.anchorAbsent
        : `${au.anchor.anchors} ${l.anchors}${au.anchor.lastGood === null ? '' : `; ${l.lastAnchor}: #${au.anchor.lastGood.seq}, ${at(au.anchor.lastGood.at)}, ${au.anchor.lastGood.hash}`}${au.anchor.problem === null ? '' : `; ${au.anchor.problem}`}`;
  b.push(
    { kind: 'callout', tone: au.ok ? 'positive' : 'negative', lines: [au.ok ? l.intact : l.broken] },
    facts(
      l.auditCaption,
      [l.item, l.value],
      [
        [l.verifiedAt, at(au.verifiedAt)],
        [l.result, au.ok ? l.intact : l.broken],
        [l.checked, lang === 'nl' ? count('nl', au.entriesChecked, ENTRIES) : String(au.entriesChecked)],
        [l.head, au.headHash ?? '—'],
        [l.anchor, anchorText],
        ...(au.problem === null
          ? []
          : [[l.problem, `#${au.problem.seq} ${au.problem.kind}: ${au.problem.detail}`] as [string, string]]),
      ],
    ),
  );
  return {
    lang,
    title: `${l.title} — ${d.organisation?.name ?? ''} — ${period}`,
    subtitle: l.sub,
    author: d.organisation?.name ?? 'Proportio',
    blocks: b,
  };
};

export const renderDossierPdf = (d: Dossier, lang: Lang): Promise<Buffer> =>
  renderPdf(dossierDocument(d, lang));

export const dossierRenderer: DossierRenderer = {
  files: async (d, langs) => {
    const out: DossierFile[] = [];
    for (const lang of langs)
      out.push({ path: `dossier-${lang}.pdf`, bytes: await renderDossierPdf(d, lang) });
    out.push({ path: 'dossier.json', bytes: Buffer.from(`${JSON.stringify(d, null, 2)}\n`) });
    return out;
  },
  zip: (files, mtime) =>
    zipFiles(
      files.map((f) => ({
        ...f,
        mediaType: f.path.endsWith('.pdf') ? 'application/pdf' : 'application/json',
      })),
      mtime,
    ),
};
