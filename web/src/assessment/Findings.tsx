/** Findings, the DPIA determination, the conditions and the alternatives table of an evaluation. */
import {
  Alert,
  Heading3,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Comparison, Evaluation, FindingOutcome, Verdict } from '../api.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useI18n } from '../i18n/index.js';
import { sourceText } from './source.js';
import { TableScroll } from '../components/TableScroll.js';

const badge = (o: FindingOutcome | Verdict) =>
  o === 'fail' || o === 'not-permitted'
    ? 'danger'
    : o === 'pass' || o === 'permitted'
      ? 'safe'
      : o === 'review'
        ? 'neutral'
        : 'warning';

export const VerdictBadge = ({ verdict }: { readonly verdict: string }) => {
  const { t } = useI18n();
  const v = verdict as Verdict;
  return <StatusBadge status={badge(v)}>{t.assessments.verdicts[verdict] ?? verdict}</StatusBadge>;
};

export const verdictSummary = (t: ReturnType<typeof useI18n>['t'], e: Evaluation): string => {
  const count = (o: FindingOutcome) => e.findings.filter((f) => f.effectiveOutcome === o).length;
  return t.wizard.verdictLine(
    t.assessments.verdicts[e.verdict] ?? e.verdict,
    count('fail'),
    count('condition'),
    count('review'),
  );
};

export const FindingsView = ({ evaluation }: { readonly evaluation: Evaluation }) => {
  const { t, lang } = useI18n();
  const e = evaluation;
  return (
    <>
      <Paragraph>
        <VerdictBadge verdict={e.verdict} />
      </Paragraph>
      <Paragraph>
        {t.wizard.evidenceFromRegister(e.evidence.incidents.length, e.evidence.unreported)}
      </Paragraph>
      <Alert type={e.dpia.required ? 'warning' : 'info'}>
        <Paragraph>
          <strong>{e.dpia.required ? t.wizard.dpiaRequired : t.wizard.dpiaNotRequired}</strong>
        </Paragraph>
        <UnorderedList>
          {e.dpia.apListItems.map((i) => (
            <UnorderedListItem key={`ap${i.number}`}>
              AP {i.number}: {i.name[lang]}
            </UnorderedListItem>
          ))}
          {e.dpia.wp248Criteria.map((i) => (
            <UnorderedListItem key={`wp${i.number}`}>
              WP248 {i.number}: {i.name[lang]}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
      <TableScroll label={t.wizard.findingsCaption}>
        <ResourceTable
          caption={t.wizard.findingsCaption}
          rows={e.findings}
          rowKey={(f) => f.ruleId}
          rowHeader={{ header: t.wizard.rule, cell: (f) => f.ruleId }}
          columns={[
            { header: t.assessments.name, cell: (f) => f.title[lang] },
            {
              header: t.wizard.outcome,
              cell: (f) => (
                <>
                  <StatusBadge status={badge(f.effectiveOutcome)}>
                    {t.assessments.outcomes[f.effectiveOutcome] ?? f.effectiveOutcome}
                  </StatusBadge>
                  {f.humanJudgement ? ` (${f.humanJudgement.name})` : ''}
                </>
              ),
            },
            {
              header: t.wizard.reasons,
              cell: (f) => (
                <>
                  {f.reasons.map((r) => r[lang]).join(' ')}{' '}
                  <em>{t.assessments.source(sourceText(t, lang, f))}</em>
                </>
              ),
            },
          ]}
        />
      </TableScroll>
      {e.conditions.length > 0 ? (
        <>
          <Heading3>{t.wizard.conditions}</Heading3>
          <UnorderedList>
            {e.conditions.map((c, i) => (
              <UnorderedListItem key={`${c.ruleId}-${i}`}>
                {c.ruleId}: {c.text[lang]}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
    </>
  );
};

export const ComparisonView = ({ comparison }: { readonly comparison: Comparison }) => {
  const { t, lang } = useI18n();
  return (
    <>
      <Paragraph>{comparison.conclusion[lang]}</Paragraph>
      <TableScroll label={t.wizard.comparisonCaption}>
        <ResourceTable
          caption={t.wizard.comparisonCaption}
          rows={[...comparison.rows].sort((a, b) => a.rank - b.rank)}
          rowKey={(r) => r.measureId}
          rowHeader={{
            header: t.assessments.measure,
            cell: (r) => (r.assessed ? <strong>{r.name[lang]}</strong> : r.name[lang]),
          }}
          columns={[
            { header: t.assessments.verdict, cell: (r) => <VerdictBadge verdict={r.verdict} /> },
            {
              header: t.wizard.achieves,
              cell: (r) =>
                comparison.purposeKinds
                  .map(
                    (k) =>
                      `${t.assessments.purposeKinds[k] ?? k}: ${t.wizard.achieveValues[r.achieves[k] ?? ''] ?? r.achieves[k] ?? ''}`,
                  )
                  .join('; '),
            },
            { header: t.wizard.pros, cell: (r) => r.pros[lang] },
            { header: t.wizard.cons, cell: (r) => r.cons[lang] },
            {
              header: t.wizard.rule,
              cell: (r) => (r.failedRules.length > 0 ? r.failedRules.join(', ') : t.incidents.none),
            },
          ]}
        />
      </TableScroll>
    </>
  );
};
