/**
 * The legal holds of one clip (issue 10 §3): whether it is held and until when, every hold (live,
 * released, expired) with its reason and police report number, and — for someone with
 * `footage:hold` (`canHold`) — the forms to place, extend and release a hold. Self-contained: give
 * it a clip id; it loads `GET /api/recording/clips/:id/holds` and writes through the hold routes.
 * Times are shown in Europe/Amsterdam; a hold that ends at local midnight reads "through <day>".
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { api, type ClipHoldsView, type Hold } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n, type Dictionary, type Language } from '../i18n/index.js';

const ZONE = 'Europe/Amsterdam';
const locale = (lang: Language) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

const amsterdam = (lang: Language, iso: string): string =>
  new Date(iso).toLocaleString(locale(lang), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' });

/** "through 20 Mar 2026" when the hold ends at local midnight (as a date-only until does), else "until …". */
export const holdEnd = (t: Dictionary, lang: Language, iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toLocaleTimeString('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  if (time !== '00:00') return t.holds.upTo(amsterdam(lang, iso));
  const lastDay = new Date(d.getTime() - 1).toLocaleDateString(locale(lang), {
    timeZone: ZONE,
    dateStyle: 'medium',
  });
  return t.holds.through(lastDay);
};

type Mode = { readonly kind: 'place' } | { readonly kind: 'extend' | 'release'; readonly hold: Hold } | null;

interface FormProps {
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

interface InputProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly error: string | undefined;
}

/** The end of a hold: a date, held through that day in Dutch time. */
const UntilField = (p: InputProps) => {
  const h = useI18n().t.holds;
  return <TextField {...p} label={h.untilDate} description={h.untilHint} type="date" required />;
};

/** Every hold change carries a reason (audited). */
const ReasonField = (p: InputProps & { readonly label: string; readonly description?: string }) => (
  <TextAreaField {...p} required maxLength={1000} />
);

/** Text state of a form's fields, by element id. */
const useFields = <K extends string>(ids: readonly K[]) => {
  const [values, setValues] = useState<Record<K, string>>(
    () => Object.fromEntries(ids.map((id) => [id, ''])) as Record<K, string>,
  );
  const bind = (id: K, error: string | undefined): InputProps => ({
    id,
    value: values[id],
    onChange: (v) => setValues((old) => ({ ...old, [id]: v })),
    error,
  });
  return { values, bind };
};

const PlaceForm = ({ clipId, onDone, onCancel }: FormProps & { readonly clipId: string }) => {
  const { t } = useI18n();
  const h = t.holds;
  const { values: v, bind } = useFields(['hold-reason', 'hold-police-report', 'hold-until'] as const);
  const form = useFormState(
    { reason: 'hold-reason', policeReport: 'hold-police-report', until: 'hold-until' },
    { 'hold-reason': h.reason, 'hold-police-report': h.policeReport, 'hold-until': h.untilDate },
  );
  const e = form.errors.fields;
  const save = () =>
    void form
      .submit(
        requireFields(t, { 'hold-reason': v['hold-reason'], 'hold-until': v['hold-until'] }),
        async () => {
          const policeReport = v['hold-police-report'].trim();
          await api.post<Hold>(`/api/recording/clips/${encodeURIComponent(clipId)}/holds`, {
            reason: v['hold-reason'],
            until: v['hold-until'],
            ...(policeReport === '' ? {} : { policeReport }),
          });
        },
      )
      .then((ok) => ok && onDone());
  return (
    <FormSection title={h.place} form={form} onSubmit={save} onCancel={onCancel} submitLabel={h.place}>
      <ReasonField {...bind('hold-reason', e['hold-reason'])} label={h.reason} />
      <TextField
        {...bind('hold-police-report', e['hold-police-report'])}
        label={h.policeReport}
        description={h.policeReportHint}
      />
      <UntilField {...bind('hold-until', e['hold-until'])} />
    </FormSection>
  );
};

const ExtendForm = ({ hold, onDone, onCancel }: FormProps & { readonly hold: Hold }) => {
  const { t } = useI18n();
  const h = t.holds;
  const { values: v, bind } = useFields(['extend-until', 'extend-reason'] as const);
  const form = useFormState(
    { reason: 'extend-reason', until: 'extend-until' },
    { 'extend-reason': h.extendReason, 'extend-until': h.untilDate },
  );
  const e = form.errors.fields;
  const save = () =>
    void form
      .submit(requireFields(t, v), async () => {
        await api.post<Hold>(`/api/recording/holds/${encodeURIComponent(hold.id)}/extend`, {
          until: v['extend-until'],
          reason: v['extend-reason'],
        });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection title={h.extendTitle} form={form} onSubmit={save} onCancel={onCancel} submitLabel={h.extend}>
      <UntilField {...bind('extend-until', e['extend-until'])} />
      <ReasonField
        {...bind('extend-reason', e['extend-reason'])}
        label={h.extendReason}
        description={h.extendHint}
      />
    </FormSection>
  );
};

const ReleaseForm = ({ hold, onDone, onCancel }: FormProps & { readonly hold: Hold }) => {
  const { t } = useI18n();
  const h = t.holds;
  const { values: v, bind } = useFields(['release-reason'] as const);
  const form = useFormState({ reason: 'release-reason' }, { 'release-reason': h.releaseReason });
  const save = () =>
    void form
      .submit(requireFields(t, v), async () => {
        await api.post<Hold>(`/api/recording/holds/${encodeURIComponent(hold.id)}/release`, {
          reason: v['release-reason'],
        });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={h.releaseTitle}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
      submitLabel={h.release}
    >
      <Paragraph>{h.releaseText}</Paragraph>
      <ReasonField
        {...bind('release-reason', form.errors.fields['release-reason'])}
        label={h.releaseReason}
      />
    </FormSection>
  );
};

export interface ClipHoldsProps {
  readonly clipId: string;
  /** The viewer has `footage:hold` (security, the privacy officer): show the forms. */
  readonly canHold: boolean;
  /** Which clip, in the heading, when a page lists the holds of several clips. */
  readonly clipLabel?: string;
  /** After a hold was placed, extended or released (the footage history reloads). */
  readonly onChanged?: () => void;
}

export const ClipHolds = ({ clipId, canHold, clipLabel, onChanged }: ClipHoldsProps) => {
  const { t, lang } = useI18n();
  const h = t.holds;
  const headingId = useId();
  const data = useLoad(
    () => api.get<ClipHoldsView>(`/api/recording/clips/${encodeURIComponent(clipId)}/holds`),
    [clipId],
  );
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const done = (text: string) => () => {
    setMode(null);
    setNotice(text);
    data.reload();
    onChanged?.();
  };
  const cancel = () => setMode(null);
  const view = data.data;
  return (
    <section aria-labelledby={headingId} className="pp-clip-holds">
      <Heading level={3} id={headingId}>
        {clipLabel === undefined ? h.title : `${h.title} — ${clipLabel}`}
      </Heading>
      <Paragraph>{h.intro}</Paragraph>
      <Notice text={notice} />
      {data.error !== undefined ? <LoadError error={data.error} /> : null}
      {view === undefined && data.error === undefined ? <Loading /> : null}
      {view !== undefined ? (
        <>
          <Paragraph>
            {view.held && view.heldUntil !== null ? h.heldUntil(holdEnd(t, lang, view.heldUntil)) : h.notHeld}{' '}
            {h.maximum(view.maxDays)}
          </Paragraph>
          {view.holds.length > 0 ? (
            <ResourceTable
              caption={h.caption}
              rows={[...view.holds]}
              rowKey={(x) => x.id}
              rowHeader={{ header: h.until, cell: (x) => holdEnd(t, lang, x.until) }}
              columns={[
                {
                  header: h.state,
                  cell: (x) =>
                    [
                      h.states[x.state] ?? x.state,
                      x.beyondMaximum ? h.beyondMaximum : null,
                      x.releasedAt !== null
                        ? h.released(amsterdam(lang, x.releasedAt), x.releaseReason ?? '')
                        : null,
                    ]
                      .filter((s) => s !== null)
                      .join('; '),
                },
                { header: h.reason, cell: (x) => x.extensionReason ?? x.reason },
                { header: h.policeReport, cell: (x) => x.policeReport ?? '' },
                { header: h.placed, cell: (x) => amsterdam(lang, x.placedAt) },
              ]}
              actions={
                canHold
                  ? (x) =>
                      x.state === 'live' ? (
                        <>
                          <Button
                            appearance="subtle-button"
                            aria-label={h.extendAria(holdEnd(t, lang, x.until))}
                            onClick={() => setMode({ kind: 'extend', hold: x })}
                          >
                            {h.extend}
                          </Button>
                          <Button
                            appearance="subtle-button"
                            aria-label={h.releaseAria(holdEnd(t, lang, x.until))}
                            onClick={() => setMode({ kind: 'release', hold: x })}
                          >
                            {h.release}
                          </Button>
                        </>
                      ) : null
                  : undefined
              }
            />
          ) : null}
          {canHold && mode === null ? (
            <Button appearance="secondary-action-button" onClick={() => setMode({ kind: 'place' })}>
              {h.place}
            </Button>
          ) : null}
          {canHold && mode?.kind === 'place' ? (
            <PlaceForm clipId={clipId} onDone={done(h.placedNotice)} onCancel={cancel} />
          ) : null}
          {canHold && mode?.kind === 'extend' ? (
            <ExtendForm hold={mode.hold} onDone={done(h.extendedNotice)} onCancel={cancel} />
          ) : null}
          {canHold && mode?.kind === 'release' ? (
            <ReleaseForm hold={mode.hold} onDone={done(h.releasedNotice)} onCancel={cancel} />
          ) : null}
        </>
      ) : null}
    </section>
  );
};
