/** Markdown rendering of the report model (pure string building; HTML and PDF live in src/adapters/reports). */
import { citeArticle } from './citation.js';
import { ACHIEVEMENT_NAMES as ACH, OUTCOME_NAMES as OUTCOME, PURPOSE_KIND_NAMES as KIND } from './labels.js';
import { leastIntrusiveText, type ReportModel } from './report-model.js';
import { inLanguage, t, type Lang, type Text } from './text.js';
import { VERDICT_NAMES } from './verdict.js';

/** Every label of the report, Dutch and English side by side (text.ts). */
const LABELS = {
  report: t('Toets', 'Assessment'),
  controller: t('Verwerkingsverantwoordelijke', 'Controller'),
  date: t('Datum beoordeling', 'Assessed on'),
  measure: t('Maatregel', 'Measure'),
  scope: t('Reikwijdte', 'Scope'),
  rooms: t('Ruimten', 'Rooms'),
  conversations: t('Soorten gesprek', 'Kinds of conversation'),
  hours: t('Uren', 'Hours'),
  sensitive: t('gevoelig', 'sensitive'),
  purpose: t('Doel', 'Purpose'),
  basis: t('Grondslag', 'Legal basis'),
  noProvision: t('geen wettelijke bepaling genoemd', 'no provision of law cited'),
  evidence: t('Bewijs', 'Evidence'),
  incidents: t('incidenten in de reikwijdte', 'incidents in scope'),
  serious: t('ernstig of met aangifte', 'serious or reported to the police'),
  danger: t('Dreigend gevaar', 'Imminent danger'),
  stats: t('Statistiek', 'Statistics'),
  service: t('Dienst afhankelijk van de maatregel', 'Service conditional on the measure'),
  yes: t('ja', 'yes'),
  no: t('nee', 'no'),
  alternatives: t('Alternatieven naast elkaar', 'Alternatives side by side'),
  rank: t('#', '#'),
  help: t('Directe hulp', 'Immediate help'),
  deter: t('Afschrikking', 'Deterrence'),
  proof: t('Bewijs', 'Evidence'),
  meets: t('Bereikt doel', 'Meets purpose'),
  verdictCol: t('Oordeel', 'Verdict'),
  failed: t('Blokkerend', 'Blocking'),
  pros: t('Voordelen', 'Pros'),
  cons: t('Nadelen', 'Cons'),
  findings: t('Bevindingen', 'Findings'),
  rule: t('Regel', 'Rule'),
  outcome: t('Uitkomst', 'Outcome'),
  source: t('Bron', 'Source'),
  judgement: t('Menselijk oordeel', 'Human judgement'),
  by: t('door', 'by'),
  on: t('op', 'on'),
  engine: t('uitkomst van de toets', 'engine outcome'),
  dpia: t('DPIA', 'DPIA'),
  required: t('DPIA verplicht', 'DPIA required'),
  ap: t('Punten van de AP-lijst', 'AP list items'),
  wp: t('WP248-criteria', 'WP248 criteria'),
  none: t('geen', 'none'),
  verdict: t('Oordeel', 'Verdict'),
  conditions: t('Voorwaarden', 'Conditions'),
  judgements: t('Menselijke oordelen', 'Human judgements'),
  notes: t('Toelichting', 'Notes'),
  assessed: t('beoordeeld', 'assessed'),
  perPurpose: t('Minst ingrijpend per doel', 'Least intrusive per purpose'),
  riskFlagged: t('alleen gesprekken met een risicosignaal', 'risk-flagged conversations only'),
  audio: t('geluid', 'sound'),
};

/** Table cells must not break the table: no pipes or newlines from user text. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const renderMarkdown = (m: ReportModel, lang: Lang): string => {
  const l = inLanguage(LABELS, lang);
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
    `- ${l.basis}: ${citeArticle(m.legalBasis.article, lang)} — ${m.legalBasis.provision === undefined ? l.noProvision : cell(m.legalBasis.provision)}`,
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
  const perPurpose = leastIntrusiveText(m);
  if (perPurpose !== undefined) out.push('', `${l.perPurpose}: ${tx(perPurpose)}`);
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
    out.push(`- ${l.source}: ${tx(f.citation)}`, '');
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
