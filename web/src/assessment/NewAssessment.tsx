import { LoadError } from '../components/LoadError.js';
import { useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { AssessmentFrame } from './AssessmentFrame.js';
import { assessmentHref, type WizardStep } from './paths.js';
import { Wizard } from './Wizard.js';

/** The wizard for a new assessment, at the step in the address; once saved, its workflow opens. */
export const NewAssessment = ({ step }: { readonly step?: WizardStep | undefined }) => {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const reg = useRegistry();
  return (
    <AssessmentFrame>
      {reg.error ? <LoadError error={reg.error} /> : null}
      {reg.data ? (
        <Wizard
          registry={reg.registry}
          step={step}
          onSaved={(id) => navigate(assessmentHref({ kind: 'detail', id }), t.wizard.saved)}
          onCancel={() => navigate(assessmentHref({ kind: 'list' }))}
        />
      ) : null}
    </AssessmentFrame>
  );
};
