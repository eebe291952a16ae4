/** Markdown rendering of the report model (pure string building; HTML and PDF live in src/adapters/reports). */
import { ACHIEVEMENT_NAMES as ACH, OUTCOME_NAMES as OUTCOME, PURPOSE_KIND_NAMES as KIND } from './labels.js';
import type { ReportModel } from './report-model.js';
import type { PurposeKind } from './catalogue.js';
import type { Lang, Text } from './text.js';
import { VERDICT_NAMES } from './verdict.js';

const L = {
  nl: {
    report: 'Toets',
    controller: 'Verwerkingsverantwoordelijke',
    date: 'Datum beoordeling',
    measure: 'Maatregel',
    scope: 'Reikwijdte',
    rooms: 'Ruimten',
    conversations: 'Soorten gesprek',
    hours: 'Uren',
    sensitive: 'gevoelig',
    purpose: 'Doel',
    basis: 'Grondslag',
    noProvision: 'geen wettelijke bepaling genoemd',
    evidence: 'Bewijs',
    incidents: 'incidenten in de reikwijdte',
    serious: 'ernstig of met aangifte',
    danger: 'Dreigend gevaar',
    stats: 'Statistiek',
    service: 'Dienst afhankelijk van de maatregel',
    yes: 'ja',
    no: 'nee',
    alternatives: 'Alternatieven naast elkaar',
    rank: '#',
    help: 'Directe hulp',
    deter: 'Afschrikking',
    proof: 'Bewijs',
    meets: 'Bereikt doel',
    verdictCol: 'Oordeel',
    failed: 'Blokkerend',
    pros: 'Voordelen',
    cons: 'Nadelen',
    findings: 'Bevindingen',
    rule: 'Regel',
    outcome: 'Uitkomst',
    source: 'Bron',
    judgement: 'Menselijk oordeel',
    by: 'door',
    on: 'op',
    engine: 'uitkomst van de toets',
    dpia: 'DPIA',
    required: 'DPIA verplicht',
    ap: 'Punten van de AP-lijst',
    wp: 'WP248-criteria',
    none: 'geen',
    verdict: 'Oordeel',
    conditions: 'Voorwaarden',
    judgements: 'Menselijke oordelen',
    notes: 'Toelichting',
    assessed: 'beoordeeld',
    perPurpose: 'Minst ingrijpend per doel',
    riskFlagged: 'alleen gesprekken met een risicosignaal',
    audio: 'geluid',
  },
  en: {
    report: 'Assessment',
    controller: 'Controller',
    date: 'Assessed on',
    measure: 'Measure',
    scope: 'Scope',
    rooms: 'Rooms',
    conversations: 'Kinds of conversation',
    hours: 'Hours',
    sensitive: 'sensitive',
    purpose: 'Purpose',
    basis: 'Legal basis',
    noProvision: 'no provision of law cited',
    evidence: 'Evidence',
    incidents: 'incidents in scope',
    serious: 'serious or reported to the police',
    danger: 'Imminent danger',
    stats: 'Statistics',
    service: 'Service conditional on the measure',
    yes: 'yes',
    no: 'no',
    alternatives: 'Alternatives side by side',
    rank: '#',
    help: 'Immediate help',
    deter: 'Deterrence',
    proof: 'Evidence',
    meets: 'Meets purpose',
    verdictCol: 'Verdict',
    failed: 'Blocking',
    pros: 'Pros',
    cons: 'Cons',
    findings: 'Findings',
    rule: 'Rule',
    outcome: 'Outcome',
    source: 'Source',
    judgement: 'Human judgement',
    by: 'by',
    on: 'on',
    engine: 'engine outcome',
    dpia: 'DPIA',
    required: 'DPIA required',
    ap: 'AP list items',
    wp: 'WP248 criteria',
    none: 'none',
    verdict: 'Verdict',
    conditions: 'Conditions',
    judgements: 'Human judgements',
    notes: 'Notes',
    assessed: 'assessed',
    perPurpose: 'Least intrusive per purpose',
    riskFlagged: 'risk-flagged conversations only',
    audio: 'sound',
  },
} as const;

/** Table cells must not break the table: no pipes or newlines from user text. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const renderMarkdown = (m: ReportModel, lang: Lang): string => {
  const l = L[lang];
  const tx = (x: Text) => x[lang];
  const out: string[] = [];
  out.push(`# ${l.report}: ${cell(m.title)}`, '');
  out.push(`**${l.verdict}: ${tx(m.verdict.name).toUpperCase()}**`, '');
  out.push(`- ${l.controller}: ${cell(m.controller)}`, `- ${l.date}: ${m.assessedOn}`);
  out.push(
    `- ${l.measure}: ${tx(m.measure.name)} (${m.measure.rank}/10${m.measure.audio ? `, ${l.audio}` : ''})`,
  );
  out.push(`- ${l.purpose}: ${cell(m.purpose.text)} (${m.purpose.kinds.map((k) => tx(KIND[k])).join(', ')})`);
  out.push(
    `- ${l.basis}: GDPR/AVG art. ${m.legalBasis.article} — ${m.legalBasis.provision === undefined ? l.noProvision : cell(m.legalBasis.provision)}`,
  );
  out.push(`- ${l.service}: ${m.conditionsAccessToService ? l.yes : l.no}`, '');
  out.push(`## ${l.scope}`, '');
  out.push(`- ${l.rooms}: ${m.scope.rooms.map(cell).join(', ')}`);
  out.push(
    `- ${l.conversations}: ${m.scope.conversationTypes.map((c) => `${cell(c.name)}${c.sensitive ? ` (${l.sensitive})` : ''}`).join(', ')}${m.scope.riskFlaggedOnly ? ` — ${l.riskFlagged}` : ''}`,
  );
  out.push(`- ${l.hours}: ${tx(m.scope.hours)}`, '');
  out.push(`## ${l.evidence}`, '');
  out.push(`- ${m.evidence.incidentsInScope} ${l.incidents}; ${m.evidence.seriousOrReported} ${l.serious}`);
  if (m.evidence.imminentDanger !== undefined) out.push(`- ${l.danger}: ${cell(m.evidence.imminentDanger)}`);
  if (m.evidence.statistics !== undefined) out.push(`- ${l.stats}: ${cell(m.evidence.statistics)}`);
  out.push('', `## ${l.alternatives}`, '');
  out.push(
    `| ${l.rank} | ${l.measure} | ${l.help} | ${l.deter} | ${l.proof} | ${l.meets} | ${l.verdictCol} | ${l.failed} | ${l.pros} | ${l.cons} |`,
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of m.alternatives.rows) {
    const name = r.assessed ? `**${tx(r.name)}** (${l.assessed})` : tx(r.name);
    out.push(
      `| ${r.rank} | ${cell(name)} | ${tx(ACH[r.achieves['immediate-help']])} | ${tx(ACH[r.achieves.deterrence])} | ${tx(ACH[r.achieves.evidence])} | ${r.meetsPurpose ? l.yes : l.no} | ${tx(VERDICT_NAMES[r.verdict])} | ${r.failedRules.join(', ')} | ${cell(tx(r.pros))} | ${cell(tx(r.cons))} |`,
    );
  }
  out.push('', tx(m.alternatives.conclusion));
  const per = Object.entries(m.alternatives.leastIntrusivePerPurpose) as [PurposeKind, string][];
  if (per.length > 0) {
    out.push(
      '',
      `${l.perPurpose}: ${per.map(([k, id]) => `${tx(KIND[k])} → ${tx(m.alternatives.rows.find((r) => r.measureId === id)?.name ?? { nl: id, en: id })}`).join('; ')}`,
    );
  }
  out.push('', `## ${l.findings}`, '');
  for (const f of m.findings) {
    out.push(`### ${f.ruleId} — ${tx(f.title)}: ${tx(OUTCOME[f.engineOutcome])}`, '');
    for (const r of f.reasons) out.push(`- ${tx(r)}`);
    if (f.humanJudgement !== undefined) {
      const j = f.humanJudgement;
      out.push(
        `- **${l.judgement}** (${l.engine}: ${tx(OUTCOME[f.engineOutcome])}): ${tx(OUTCOME[j.outcome])} ${l.by} ${cell(j.name)}${j.role ? ` (${cell(j.role)})` : ''} ${l.on} ${j.date} — ${cell(j.reasons)}`,
      );
    }
    for (const c of f.conditions) out.push(`- ${l.conditions}: ${tx(c.text)}`);
    out.push(`- ${l.source}: ${f.source}`, '');
  }
  out.push(`## ${l.dpia}`, '');
  out.push(`- ${l.required}: ${m.dpia.required ? l.yes : l.no}`);
  out.push(
    `- ${l.ap}: ${m.dpia.apListItems.length === 0 ? l.none : m.dpia.apListItems.map((i) => `${i.number}. ${tx(i.name)}`).join('; ')}`,
  );
  out.push(
    `- ${l.wp}: ${m.dpia.wp248Criteria.length === 0 ? l.none : m.dpia.wp248Criteria.map((i) => `${i.number}. ${tx(i.name)}`).join('; ')}`,
  );
  for (const r of m.dpia.reasons) out.push(`- ${tx(r)}`);
  out.push('', `## ${l.verdict}: ${tx(m.verdict.name)}`, '');
  if (m.conditions.length > 0) {
    out.push(`${l.conditions}:`, '');
    for (const c of m.conditions) out.push(`- [${c.ruleId}] ${tx(c.text)}`);
    out.push('');
  }
  if (m.humanJudgements.length > 0) {
    out.push(`## ${l.judgements}`, '');
    for (const j of m.humanJudgements)
      out.push(
        `- ${j.ruleId} (${tx(j.ruleTitle)}): ${tx(OUTCOME[j.outcome])} ${l.by} ${cell(j.name)} ${l.on} ${j.date} — ${cell(j.reasons)}`,
      );
    out.push('');
  }
  out.push(`## ${l.notes}`, '');
  for (const n of m.notes) out.push(`- ${tx(n)}`);
  return `${out.join('\n')}\n`;
};
