/**
 * Disable, enable and remove a camera (administrators, `cameras:write`): the row buttons and the
 * confirmation that says what the action means before anything is sent. Used on the Cameras page
 * and the Camera status page.
 */
import { Button, Paragraph } from '@utrecht/component-library-react';
import { api, request, type Camera } from '../api.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { FormSection } from './FormSection.js';

export type CameraAction = 'disable' | 'enable' | 'remove';

/** The actions that apply to a camera now: disable or enable (whichever it is not), and remove. */
export const CameraActionButtons = ({
  camera,
  onAction,
}: {
  readonly camera: Pick<Camera, 'name' | 'disabled'>;
  readonly onAction: (a: CameraAction) => void;
}) => {
  const { t } = useI18n();
  return (
    <>
      {(['disable', 'enable', 'remove'] as const)
        .filter((a) => (a === 'disable' ? !camera.disabled : a === 'enable' ? camera.disabled : true))
        .map((a) => (
          <Button
            key={a}
            appearance="subtle-button"
            aria-label={t.cameras.actionAria[a](camera.name)}
            onClick={() => onAction(a)}
          >
            {t.cameras.actionLabel[a]}
          </Button>
        ))}
    </>
  );
};

interface ConfirmProps {
  readonly camera: Pick<Camera, 'id' | 'name'>;
  readonly action: CameraAction;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/**
 * Disabling stops the recording for that camera; removing retires it for good, but its clips stay
 * until their retention. The administrator reads that here and confirms.
 */
export const ConfirmCameraAction = ({ camera, action, onDone, onCancel }: ConfirmProps) => {
  const { t } = useI18n();
  const c = t.cameras;
  const form = useFormState({}, {});
  const confirm = () =>
    void form
      .submit(requireFields(t, {}), async () => {
        if (action === 'remove') await request<void>('DELETE', `/api/cameras/${camera.id}`);
        else await api.post<Camera>(`/api/cameras/${camera.id}/${action}`);
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={c.confirmTitle[action](camera.name)}
      form={form}
      onSubmit={confirm}
      onCancel={onCancel}
      submitLabel={c.actionLabel[action]}
    >
      <Paragraph>{c.confirmText[action]}</Paragraph>
    </FormSection>
  );
};
