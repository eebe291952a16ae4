import { api, isNotFound, type AssessmentVersion } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { AssessmentFrame } from './AssessmentFrame.js';
import { assessmentHref, type WizardStep } from './paths.js';
import { Wizard } from './Wizard.js';
import { fromScenario } from './wizard-state.js';

/**
 * Whether saving changes this version in place, as the server decides (PUT /api/assessments/:id):
 * only an untouched draft by the same author; anything else becomes a new version.
 */
export const editsInPlace = (v: AssessmentVersion, userId: string): boolean =>
  v.status === 'draft' &&
  v.createdBy === userId &&
  v.dpoAdvice === undefined &&
  v.dataSubjectViews === undefined &&
  v.humanJudgements.length === 0 &&
  v.contributions.length === 0;

/** The wizard on an assessment's latest input; saving makes a new version once it was advised on or decided. */
export const EditAssessment = ({
  id,
  step,
}: {
  readonly id: string;
  readonly step?: WizardStep | undefined;
}) => {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { me } = useSession();
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
          step={step}
          existing={{
            id,
            state: fromScenario(latest.scenario),
            nextVersion: latest.version + 1,
            inPlace: editsInPlace(latest, me.user.id),
          }}
          onSaved={(saved) => navigate(assessmentHref({ kind: 'detail', id: saved }), t.wizard.saved)}
          onCancel={() => navigate(assessmentHref({ kind: 'detail', id }))}
        />
      )}
    </AssessmentFrame>
  );
};
