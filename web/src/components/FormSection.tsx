import {
  ButtonGroup,
  Heading2,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { FormErrors } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { ErrorSummary } from './ErrorSummary.js';

export interface FormSectionProps {
  readonly title: string;
  readonly errors: FormErrors;
  /** Field labels by element id, for the error summary. */
  readonly labels: Readonly<Record<string, string>>;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  onCancel?: () => void;
  readonly submitLabel?: string;
  /** Move focus to the first field when the form opens (off for forms that are the whole page). */
  readonly autoFocus?: boolean;
  readonly children: ReactNode;
}

/**
 * A create/edit form in its own labelled section. Focus goes to the first field when it opens;
 * the browser's own validation is off so that errors appear in the summary and next to fields.
 */
export const FormSection = ({
  title,
  errors,
  labels,
  busy,
  onSubmit,
  onCancel,
  submitLabel,
  autoFocus = true,
  children,
}: FormSectionProps) => {
  const { t } = useI18n();
  const headingId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [autoFocus]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <section aria-labelledby={headingId} className="pp-form-section">
      <Heading2 id={headingId}>{title}</Heading2>
      <ErrorSummary errors={errors} labels={labels} />
      <form ref={ref} onSubmit={submit} noValidate className="pp-form" aria-labelledby={headingId}>
        {children}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {submitLabel ?? t.save}
          </PrimaryActionButton>
          {onCancel ? (
            <SecondaryActionButton type="button" onClick={onCancel}>
              {t.cancel}
            </SecondaryActionButton>
          ) : null}
        </ButtonGroup>
      </form>
    </section>
  );
};
