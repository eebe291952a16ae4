import {
  ButtonGroup,
  Heading2,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { FormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { ErrorSummary } from './ErrorSummary.js';

export interface FormSectionProps {
  readonly title: string;
  /** The form's errors (shown in the summary, linked to its fields by their labels) and busy state. */
  readonly form: Pick<FormState, 'errors' | 'busy' | 'labels'>;
  readonly onSubmit: () => void;
  onCancel?: () => void;
  readonly submitLabel?: string;
  /** The cancel button's text when "Annuleren" is not what it does. */
  readonly cancelLabel?: string | undefined;
  readonly children: ReactNode;
}

/**
 * A create/edit form in its own labelled section. Focus goes to the first field when it opens on
 * request (it can be cancelled); the browser's own validation is off so that errors appear in the
 * summary and next to fields.
 */
export const FormSection = ({
  title,
  form,
  onSubmit,
  onCancel,
  submitLabel,
  cancelLabel,
  children,
}: FormSectionProps) => {
  const { t } = useI18n();
  const headingId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A form that can be cancelled was opened on request, so focus moves into it; a form that is
  // part of the page (filters, the panic view's start, a workflow step) leaves focus where it is.
  // A confirmation without fields gets the focus on its heading: it is read first, and in view.
  const opened = onCancel !== undefined;
  useEffect(() => {
    if (!opened) return;
    const field = ref.current?.querySelector<HTMLElement>('input, select, textarea');
    if (field) field.focus();
    else heading.current?.focus();
  }, [opened]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <section aria-labelledby={headingId} className="pp-form-section">
      <Heading2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </Heading2>
      <ErrorSummary errors={form.errors} labels={form.labels} />
      <form ref={ref} onSubmit={submit} noValidate className="pp-form" aria-labelledby={headingId}>
        {children}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={form.busy} disabled={form.busy}>
            {submitLabel ?? t.save}
          </PrimaryActionButton>
          {onCancel ? (
            <SecondaryActionButton type="button" onClick={onCancel}>
              {cancelLabel ?? t.cancel}
            </SecondaryActionButton>
          ) : null}
        </ButtonGroup>
      </form>
    </section>
  );
};
