/**
 * What a custodian or requester does with a request: approve with the passphrase (the share is
 * opened on the server, in memory only), refuse with a reason, revoke with a reason. Each form
 * posts once and hands the answered request back; refusals by error code are translated.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { footageRefusal } from './errors.js';
import type { ViewingRequest } from './types.js';

export interface ActionFormProps {
  readonly request: ViewingRequest;
  /** The request as the server answered it. */
  readonly onDone: (request: ViewingRequest) => void;
}

export const APPROVE_PASSPHRASE_ID = 'approve-passphrase';

/**
 * Approval with the passphrase that seals the custodian's share. The field is a password field
 * the browser does not fill in or remember, and it is emptied after every attempt.
 */
export const ApproveForm = ({ request, onDone }: ActionFormProps) => {
  const { t } = useI18n();
  const f = t.footage;
  const [passphrase, setPassphrase] = useState('');
  const form = useFormState(
    { passphrase: APPROVE_PASSPHRASE_ID },
    { [APPROVE_PASSPHRASE_ID]: f.passphrase },
    footageRefusal({
      'FOOTAGE.WRONG_PASSPHRASE': APPROVE_PASSPHRASE_ID,
      'FOOTAGE.TOO_MANY_ATTEMPTS': APPROVE_PASSPHRASE_ID,
    }),
  );
  const submit = () => {
    let answered: ViewingRequest | undefined;
    const secret = passphrase;
    setPassphrase('');
    void form
      .submit(requireFields(t, { [APPROVE_PASSPHRASE_ID]: secret }), async () => {
        answered = await api.post<ViewingRequest>(`/api/footage/requests/${request.id}/approve`, {
          passphrase: secret,
        });
      })
      .then((ok) => {
        if (ok && answered) onDone(answered);
      });
  };
  return (
    <FormSection title={f.approveTitle} form={form} onSubmit={submit} submitLabel={f.approve}>
      <Paragraph>{f.approveIntro}</Paragraph>
      <TextField
        id={APPROVE_PASSPHRASE_ID}
        label={f.passphrase}
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={setPassphrase}
        required
        error={form.errors.fields[APPROVE_PASSPHRASE_ID]}
      />
    </FormSection>
  );
};

/** A reason, then one POST: refusal (custodians) or revocation (requester or custodian). */
const ReasonForm = ({
  request,
  onDone,
  onCancel,
  action,
}: ActionFormProps & {
  readonly onCancel: () => void;
  readonly action: 'refuse' | 'revoke';
}) => {
  const { t } = useI18n();
  const f = t.footage;
  const id = `${action}-reason`;
  const [reason, setReason] = useState('');
  const label = action === 'refuse' ? f.refuseReason : f.revokeReason;
  const form = useFormState(
    { reason: id },
    { [id]: label },
    footageRefusal({ 'FOOTAGE.REASON_INVALID': id }),
  );
  const submit = () => {
    let answered: ViewingRequest | undefined;
    void form
      .submit(requireFields(t, { [id]: reason }), async () => {
        answered = await api.post<ViewingRequest>(`/api/footage/requests/${request.id}/${action}`, {
          reason: reason.trim(),
        });
      })
      .then((ok) => {
        if (ok && answered) onDone(answered);
      });
  };
  return (
    <FormSection
      title={action === 'refuse' ? f.refuseTitle : f.revokeTitle}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={action === 'refuse' ? f.refuse : f.revoke}
    >
      <TextAreaField
        id={id}
        label={label}
        value={reason}
        onChange={setReason}
        required
        maxLength={2000}
        rows={3}
        error={form.errors.fields[id]}
      />
    </FormSection>
  );
};

export const RefuseForm = (props: ActionFormProps & { readonly onCancel: () => void }) => (
  <ReasonForm {...props} action="refuse" />
);

export const RevokeForm = (props: ActionFormProps & { readonly onCancel: () => void }) => (
  <ReasonForm {...props} action="revoke" />
);
