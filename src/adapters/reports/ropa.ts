/**
 * The register-of-processing entry (GDPR Art. 30(1); rule ROPA-1) for an approved measure, as a
 * typed JSON object and as a tagged PDF. Art. 30(1): (a) controller and DPO contact, (b)
 * purposes, (c) categories of data subjects and of personal data, (d) recipients, (e) transfers
 * to third countries, (f) time limits for erasure, (g) security measures. Only an approved
 * assessment whose verdict is not "not permitted" produces an entry.
 */
import { findMeasure, type PurposeKind } from '../../core/assessment/catalogue.js';
import { citeArticle } from '../../core/assessment/citation.js';
import type { ReportModel } from '../../core/assessment/report-model.js';
import type { Scenario } from '../../core/assessment/scenario.schema.js';
import { inLanguage, t, type Lang, type Text } from '../../core/assessment/text.js';
import type { Verdict } from '../../core/assessment/verdict.js';
import { err, ok, type Result } from '../../core/result.js';
import { facts, type Block, type RenderDocument } from './document.js';
import { renderHtml } from './html-document.js';
import { renderPdf } from './pdf-document.js';

/** The controller as it presents itself to residents and in the register. */
export interface Organisation {
  readonly name: string;
  /** Postal address, one line or several separated by newlines. */
  readonly address: string;
  readonly dpo: { readonly name?: string; readonly email: string; readonly phone?: string };
  readonly website?: string;
}

export interface RopaApproval {
  readonly assessmentId: string;
  readonly version?: number | string;
  readonly approvedBy: string;
  /** Date of the decision (YYYY-MM-DD). */
  readonly approvedOn: string;
  readonly reviewDate?: string;
}

export interface RopaInput {
  readonly organisation: Organisation;
  readonly model: ReportModel;
  /** Adds access roles, retention and security safeguards as recorded in the assessment. */
  readonly scenario?: Scenario;
  /** Without an approval there is no entry: a draft is not a processing activity. */
  readonly approval?: RopaApproval;
}

export interface RopaEntry {
  readonly kind: 'proportio.ropa-entry';
  readonly schemaVersion: 1;
  readonly name: Text;
  /** Art. 30(1)(a). */
  readonly controller: { readonly name: string; readonly address: string };
  readonly dpo: Organisation['dpo'];
  /** Art. 30(1)(b). */
  readonly purposes: readonly Text[];
  readonly legalBasis: { readonly article: string; readonly provision: string | undefined };
  /** Art. 30(1)(c). */
  readonly dataSubjectCategories: readonly Text[];
  readonly personalDataCategories: readonly Text[];
  readonly specialCategories: Text | undefined;
  /** Art. 30(1)(d). */
  readonly recipients: readonly Text[];
  /** Art. 30(1)(e): always none; Proportio does not transfer. */
  readonly transfers: { readonly thirdCountries: readonly string[]; readonly note: Text };
  /** Art. 30(1)(f). */
  readonly retention: {
    readonly hours: number | undefined;
    readonly automaticDeletion: boolean | undefined;
    readonly text: Text;
  };
  /** Art. 30(1)(g). */
  readonly securityMeasures: readonly Text[];
  readonly scope: {
    readonly rooms: readonly string[];
    readonly conversationTypes: readonly string[];
    readonly hours: Text;
  };
  readonly assessment: {
    readonly id: string;
    readonly version: number | string | undefined;
    readonly title: string;
    readonly verdict: Verdict;
    readonly approvedBy: string;
    readonly approvedOn: string;
    readonly reviewDate: string | undefined;
  };
}

/**
 * Each purpose kind as the register states a purpose (Art. 30(1)(b)): a purpose in full, not the
 * kind's short name (core/assessment/labels.ts), so the two tables differ on purpose.
 */
const REGISTER_PURPOSES: Readonly<Record<PurposeKind, Text>> = {
  'immediate-help': t('directe hulp bij agressie', 'immediate help in case of aggression'),
  deterrence: t('afschrikking', 'deterrence'),
  evidence: t('bewijs voor aangifte', 'evidence for a police report'),
};

export const buildRopaEntry = (input: RopaInput): Result<RopaEntry> => {
  const { model: m, scenario: s, organisation: o, approval } = input;
  if (approval === undefined)
    return err('ASSESSMENT.NOT_APPROVED', 'a register entry needs an approved assessment');
  if (m.verdict.value === 'not-permitted')
    return err(
      'ASSESSMENT.NOT_APPROVED',
      `${approval.assessmentId}: verdict not permitted; nothing to register`,
      { assessmentId: approval.assessmentId },
    );
  const measure = findMeasure(m.measure.id);
  const captures = measure?.captures ?? [];
  const subjects: Text[] = [];
  if (m.peopleAffected.staff)
    subjects.push(t('medewerkers in de spreekkamers', 'staff in the interview rooms'));
  if (m.peopleAffected.residents && captures.some((c) => c !== 'alarm-log'))
    subjects.push(
      t(
        'inwoners (cliënten) en hun begeleiders in de spreekkamers',
        'residents (clients) and their companions in the interview rooms',
      ),
    );
  if (m.peopleAffected.minors && captures.some((c) => c !== 'alarm-log'))
    subjects.push(t('minderjarigen', 'minors'));
  const data: Text[] = [];
  if (captures.includes('alarm-log'))
    data.push(
      t(
        'alarmlog: medewerker, ruimte, tijdstip, wie reageerde',
        'alarm log: staff member, room, time, who responded',
      ),
    );
  if (captures.includes('video'))
    data.push(t('camerabeelden van de spreekkamer', 'camera images of the interview room'));
  if (m.measure.audio || captures.includes('audio'))
    data.push(t('geluidsopnamen van het gesprek', 'sound recordings of the conversation'));
  data.push(
    t(
      'incidentregistratie: soort, ernst, aangifte (zonder identiteit van de inwoner)',
      'incident record: kind, severity, police report (without the resident’s identity)',
    ),
  );
  const sensitive =
    m.scope.conversationTypes.some((c) => c.sensitive) && captures.some((c) => c !== 'alarm-log');
  const recipients: Text[] = [];
  if (measure !== undefined) recipients.push(measure.whoSees);
  for (const r of s?.safeguards.access?.roles ?? []) recipients.push(t(r, r));
  if (captures.includes('video') || captures.includes('audio'))
    recipients.push(
      t(
        'politie en justitie, alleen bij aangifte of vordering',
        'police and prosecution, only for a police report or a legal order',
      ),
    );
  const hours =
    s?.safeguards.retentionHours ??
    (measure?.stores === true ? (measure.defaultRetentionHours ?? undefined) : undefined);
  const auto = s?.safeguards.automaticDeletion;
  const retentionText =
    measure?.stores !== true
      ? t(
          'Geen beelden of geluid opgeslagen; de alarmlog volgt de bewaartermijn van de incidentregistratie.',
          'No images or sound stored; the alarm log follows the retention of the incident register.',
        )
      : t(
          `${hours ?? '?'} uur${auto === true ? ', daarna automatisch gewist' : ''}; langer alleen voor een incident in behandeling (legal hold).`,
          `${hours ?? '?'} hours${auto === true ? ', then deleted automatically' : ''}; longer only for an incident still being handled (legal hold).`,
        );
  const security: Text[] = [];
  const a = s?.safeguards.access;
  if (a !== undefined) {
    if (a.roles.length > 0)
      security.push(
        t(`Toegang alleen voor: ${a.roles.join(', ')}`, `Access only for: ${a.roles.join(', ')}`),
      );
    if (a.fourEyes)
      security.push(
        t(
          'Inzage alleen na goedkeuring door een tweede persoon (vier ogen)',
          'Viewing only after a second person’s approval (four eyes)',
        ),
      );
    if (a.logged)
      security.push(
        t(
          'Elke inzage wordt gelogd in een onveranderbaar auditlog',
          'Every viewing is logged in a tamper-evident audit log',
        ),
      );
    if (a.encryptedAtRest) security.push(t('Opnamen versleuteld opgeslagen', 'Recordings encrypted at rest'));
  }
  if (auto === true)
    security.push(
      t('Automatisch wissen na de bewaartermijn', 'Automatic deletion after the retention period'),
    );
  if (s?.safeguards.noStaffPerformanceUse === true)
    security.push(t('Nooit gebruikt voor beoordeling van medewerkers', 'Never used to assess staff'));
  if (s?.safeguards.objectionSwitchesOff === true)
    security.push(t('Bij bezwaar gaat de opname direct uit', 'An objection switches recording off at once'));
  if (security.length === 0)
    security.push(
      t('Zie de voorwaarden van de beoordeling (SEC-1)', 'See the conditions of the assessment (SEC-1)'),
    );

  return ok({
    kind: 'proportio.ropa-entry',
    schemaVersion: 1,
    name: t(
      `${m.measure.name.nl} — ${m.scope.rooms.join(', ')}`,
      `${m.measure.name.en} — ${m.scope.rooms.join(', ')}`,
    ),
    controller: { name: o.name, address: o.address },
    dpo: o.dpo,
    purposes: [t(m.purpose.text, m.purpose.text), ...m.purpose.kinds.map((k) => REGISTER_PURPOSES[k])],
    legalBasis: m.legalBasis,
    dataSubjectCategories: subjects,
    personalDataCategories: data,
    specialCategories: sensitive
      ? t(
          'Gesprekken in de reikwijdte zijn gevoelig; opnamen kunnen zeer persoonlijke gegevens tonen (zie SC-1).',
          'Conversations in scope are sensitive; recordings may show highly personal data (see SC-1).',
        )
      : undefined,
    recipients,
    transfers: {
      thirdCountries: [],
      note: t('Geen doorgifte buiten de EER.', 'No transfer outside the EEA.'),
    },
    retention: { hours, automaticDeletion: auto, text: retentionText },
    securityMeasures: security,
    scope: {
      rooms: m.scope.rooms,
      conversationTypes: m.scope.conversationTypes.map((c) => c.name),
      hours: m.scope.hours,
    },
    assessment: {
      id: approval.assessmentId,
      version: approval.version,
      title: m.title,
      verdict: m.verdict.value,
      approvedBy: approval.approvedBy,
      approvedOn: approval.approvedOn,
      reviewDate: approval.reviewDate ?? s?.safeguards.reviewDate,
    },
  });
};

/** The register entry's labels, Dutch and English side by side (core/assessment/text.ts). */
const LABELS = {
  title: t('Verwerkingsregister — vermelding', 'Register of processing activities — entry'),
  sub: t('Artikel 30 lid 1 AVG', 'GDPR Article 30(1)'),
  caption: t(
    'Vermelding in het register van verwerkingsactiviteiten',
    'Entry in the register of processing activities',
  ),
  item: t('Onderdeel', 'Item'),
  value: t('Inhoud', 'Content'),
  name: t('Verwerking', 'Processing'),
  controller: t('Verwerkingsverantwoordelijke (a)', 'Controller (a)'),
  dpo: t('Functionaris gegevensbescherming (a)', 'Data protection officer (a)'),
  purposes: t('Doeleinden (b)', 'Purposes (b)'),
  basis: t('Grondslag', 'Legal basis'),
  subjects: t('Categorieën betrokkenen (c)', 'Categories of data subjects (c)'),
  data: t('Categorieën persoonsgegevens (c)', 'Categories of personal data (c)'),
  special: t('Gevoelige gegevens', 'Sensitive data'),
  recipients: t('Ontvangers (d)', 'Recipients (d)'),
  transfers: t('Doorgifte buiten de EER (e)', 'Transfers outside the EEA (e)'),
  retention: t('Bewaartermijn (f)', 'Retention (f)'),
  security: t('Beveiligingsmaatregelen (g)', 'Security measures (g)'),
  scope: t('Reikwijdte', 'Scope'),
  assessment: t('Onderbouwing', 'Justification'),
  approved: t('goedgekeurd door', 'approved by'),
  review: t('herbeoordeling', 'review'),
  none: t('geen', 'none'),
};

const dpoLine = (d: Organisation['dpo']): string =>
  [d.name, d.email, d.phone].filter((x): x is string => x !== undefined && x !== '').join(', ');

export const ropaDocument = (e: RopaEntry, lang: Lang): RenderDocument => {
  const l = inLanguage(LABELS, lang);
  const tx = (x: Text): string => x[lang];
  const rows: [string, string][] = [
    [l.name, tx(e.name)],
    [l.controller, `${e.controller.name}\n${e.controller.address}`],
    [l.dpo, dpoLine(e.dpo)],
    [l.purposes, e.purposes.map(tx).join('\n')],
    [
      l.basis,
      `${citeArticle(e.legalBasis.article, lang)}${e.legalBasis.provision === undefined ? '' : ` — ${e.legalBasis.provision}`}`,
    ],
    [l.subjects, e.dataSubjectCategories.map(tx).join('\n') || l.none],
    [l.data, e.personalDataCategories.map(tx).join('\n')],
    [l.special, e.specialCategories === undefined ? l.none : tx(e.specialCategories)],
    [l.recipients, e.recipients.map(tx).join('\n')],
    [l.transfers, tx(e.transfers.note)],
    [l.retention, tx(e.retention.text)],
    [l.security, e.securityMeasures.map(tx).join('\n')],
    [l.scope, `${e.scope.rooms.join(', ')}\n${e.scope.conversationTypes.join('; ')}\n${tx(e.scope.hours)}`],
    [
      l.assessment,
      `${e.assessment.title}${e.assessment.version === undefined ? '' : ` (v${e.assessment.version})`}\n${l.approved} ${e.assessment.approvedBy}, ${e.assessment.approvedOn}${e.assessment.reviewDate === undefined ? '' : `; ${l.review} ${e.assessment.reviewDate}`}`,
    ],
  ];
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: l.title },
    { kind: 'paragraph', content: `${l.sub} — ${e.controller.name}`, muted: true },
    facts(l.caption, [l.item, l.value], rows),
  ];
  return { lang, title: `${l.title}: ${tx(e.name)}`, subtitle: l.sub, author: e.controller.name, blocks };
};

export const renderRopaPdf = (e: RopaEntry, lang: Lang): Promise<Buffer> => renderPdf(ropaDocument(e, lang));
export const renderRopaHtml = (e: RopaEntry, lang: Lang): string => renderHtml(ropaDocument(e, lang));
