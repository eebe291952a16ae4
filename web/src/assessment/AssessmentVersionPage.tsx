import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, isNotFound, type AssessmentHead, type AssessmentVersion, type Evaluation } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { useLoad } from '../hooks.js';
import { formatDate, formatDateTime, useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { AssessmentFrame } from './AssessmentFrame.js';
import { Documents } from './Documents.js';
import { FindingsView } from './Findings.js';
import { assessmentHref } from './paths.js';

/**
 * One version of an assessment at its own address (/assessments/:id/versions/:n): its status,
 * decision, findings as stored, and its reports. An unknown id or version is "not found".
 */
export const AssessmentVersionPage = ({ id, version }: { readonly id: string; readonly version: number }) => {
  const { t, lang } = useI18n();
  const data = useLoad(
    () =>
      Promise.all([
        api.get<{ assessment: AssessmentHead; versions: AssessmentVersion[] }>(`/api/assessments/${id}`),
        api.get<Evaluation>(`/api/assessments/${id}/evaluation?version=${version}`).catch(() => undefined),
      ]),
    [id, version],
  );
  if (isNotFound(data.error)) return <NotFoundPage />;
  if (data.error || !data.data)
    return <AssessmentFrame>{data.error ? <LoadError error={data.error} /> : <Loading />}</AssessmentFrame>;
  const [{ assessment, versions }, evaluation] = data.data;
  const v = versions.find((x) => x.version === version);
  if (!v) return <NotFoundPage />;
  const status = t.assessments.statuses[v.status] ?? v.status;
  return (
    <AssessmentFrame>
      <Paragraph>
        <AppLink href={assessmentHref({ kind: 'detail', id })}>{t.assessmentUi.backToAssessment}</AppLink>
      </Paragraph>
      <Heading2>{t.assessmentUi.versionOf(assessment.title, v.version)}</Heading2>
      <Paragraph>
        {t.workflow.latest(v.version, status)} · {t.workflow.createdAt}: {formatDateTime(lang, v.createdAt)}
        {v.validUntil ? ` · ${t.assessments.validUntil}: ${formatDate(lang, v.validUntil)}` : ''}
      </Paragraph>
      {v.decision ? (
        <Paragraph>
          {t.workflow.decided(
            t.assessments.statuses[v.decision.outcome] ?? v.decision.outcome,
            v.decision.name,
          )}{' '}
          {v.decision.reasons}
        </Paragraph>
      ) : null}
      {v.withdrawal ? <Paragraph>{t.workflow.withdrawn(v.withdrawal.reason)}</Paragraph> : null}
      <Documents id={id} versions={versions} version={v.version} />
      {evaluation ? (
        <section aria-labelledby="wv-findings">
          <Heading2 id="wv-findings">{t.wizard.findings}</Heading2>
          <FindingsView evaluation={evaluation} />
        </section>
      ) : null}
    </AssessmentFrame>
  );
};
