import { api, isNotFound, type AssessmentVersion } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { AssessmentFrame } from './AssessmentFrame.js';
import { assessmentHref } from './paths.js';
import { Wizard } from './Wizard.js';
import { fromScenario } from './wizard-state.js';

/** The wizard on an assessment's latest input; saving makes a new version once it was advised on or decided. */
export const EditAssessment = ({ id }: { readonly id: string }) => {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const reg = useRegistry();
  const data = useLoad(() => api.get<{ versions: AssessmentVersion[] }>(`/api/assessments/${id}`), [id]);
  if (isNotFound(data.error)) return <NotFoundPage />;
  const latest = data.data?.versions.at(-1);
  return (
    <AssessmentFrame>
      {reg.error ? <LoadError error={reg.error} /> : null}
      {data.error ? <LoadError error={data.error} /> : null}
      {!latest || !reg.data ? (
        data.error ? null : (
          <Loading />
        )
      ) : (
        <Wizard
          registry={reg.registry}
          existing={{ id, state: fromScenario(latest.scenario), nextVersion: latest.version + 1 }}
          onSaved={(saved) => navigate(assessmentHref({ kind: 'detail', id: saved }), t.wizard.saved)}
          onCancel={() => navigate(assessmentHref({ kind: 'detail', id }))}
        />
      )}
    </AssessmentFrame>
  );
};
