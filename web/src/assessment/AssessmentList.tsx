import { Button } from '@utrecht/component-library-react';
import { api, type AssessmentSummary } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDate, useI18n } from '../i18n/index.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { AssessmentFrame } from './AssessmentFrame.js';
import { VerdictBadge } from './Findings.js';
import { assessmentHref } from './paths.js';

/** Every assessment with its latest version; each opens at its own address. */
export const AssessmentList = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { navigate } = useRouter();
  const list = useLoad(() => api.get<AssessmentSummary[]>('/api/assessments'), []);
  const rows = list.data ?? [];
  return (
    <AssessmentFrame>
      {can('assessments:write') ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => navigate(assessmentHref({ kind: 'new' }))}
        >
          {t.assessments.add}
        </Button>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {rows.length > 0 ? (
        <ResourceTable
          stackOnPhone
          caption={t.assessments.caption}
          rows={rows}
          rowKey={(a) => a.id}
          rowHeader={{ header: t.assessments.name, cell: (a) => a.latest.title }}
          columns={[
            {
              header: t.assessments.measure,
              cell: (a) => t.assessments.measures[a.measure] ?? a.measure,
            },
            { header: t.assessments.version, cell: (a) => String(a.latest.version) },
            {
              header: t.assessments.status,
              cell: (a) => t.assessments.statuses[a.latest.status] ?? a.latest.status,
            },
            {
              header: t.assessments.verdict,
              cell: (a) =>
                a.latest.verdict ? <VerdictBadge verdict={a.latest.verdict} /> : t.incidents.none,
            },
            {
              header: t.assessments.validUntil,
              cell: (a) => (a.latest.validUntil ? formatDate(lang, a.latest.validUntil) : t.incidents.none),
            },
          ]}
          actions={(a) => (
            <Button
              appearance="subtle-button"
              aria-label={t.assessments.open(a.latest.title)}
              onClick={() => navigate(assessmentHref({ kind: 'detail', id: a.id }))}
            >
              {t.assessments.openShort}
            </Button>
          )}
        />
      ) : null}
    </AssessmentFrame>
  );
};
