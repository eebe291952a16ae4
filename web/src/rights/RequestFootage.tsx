/**
 * The footage a request points to: the clips of its room (or site) overlapping its time frame,
 * each with what keeps it (a legal hold with its police report, a restriction) and what was done
 * to it, and the alarms there. The privacy officer links the resident's clips, then erases or
 * restricts them after a confirmation; for an access request each linked clip offers a redacted
 * copy (issue 12 §2).
 */
import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { api } from '../api.js';
import type { ClipActionResult, RequestFindings, SubjectRequest } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { problemText, useFormState, useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import type { Registry } from '../registry.js';
import { redactionHref } from './paths.js';

type Clip = RequestFindings['clips'][number];

export const RequestFootage = ({
  request,
  registry,
  manage,
  version,
  onChanged,
}: {
  readonly request: SubjectRequest;
  readonly registry: Registry;
  /** The privacy officer (rights:manage): link, erase, restrict, redact. */
  readonly manage: boolean;
  readonly version: number;
  readonly onChanged: (notice: string) => void;
}) => {
  const { t, lang } = useI18n();
  const d = t.rights.detail;
  const found = useLoad(
    () => api.get<RequestFindings>(`/api/rights/requests/${encodeURIComponent(request.id)}/findings`),
    [request.id, version],
  );
  const [confirm, setConfirm] = useState<'erase' | 'restrict' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<readonly ClipActionResult[]>([]);
  const [actError, setActError] = useState<string | undefined>(undefined);
  const openerRef = useRef<HTMLButtonElement | null>(null);

  const when = (c: Pick<Clip, 'startedAt' | 'endedAt'>) =>
    c.startedAt
      ? `${formatDateTime(lang, c.startedAt)}${c.endedAt ? ` – ${formatDateTime(lang, c.endedAt)}` : ''}`
      : d.none;
  const clips = found.data?.clips ?? [];
  const open = request.actions.includes('clips');
  const linkable = clips.filter((c) => !c.linked && c.status !== 'deleted');
  const waiting = (action: 'erase' | 'restrict') =>
    clips.filter(
      (c) => c.linked && (c.outcome === null || (action === 'erase' && c.outcome === 'restricted')),
    );
  const canErase = request.kind === 'erasure' || request.kind === 'objection';
  const canRestrict = request.kind !== 'access';
  const redaction = manage && request.kind === 'access';

  const act = async (action: 'erase' | 'restrict') => {
    setBusy(true);
    setActError(undefined);
    try {
      const results = await api.post<ClipActionResult[]>(
        `/api/rights/requests/${encodeURIComponent(request.id)}/clip-actions`,
        { action },
      );
      const failed = results.filter((x) => x.outcome === null);
      setFailures(failed);
      setConfirm(null);
      onChanged(d.actedNotice(results.length - failed.length, failed.length));
    } catch (e) {
      setActError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const state = (c: Clip) =>
    [
      c.status === 'deleted' ? d.deleted : d.kept,
      c.legalHold ? d.legalHold(c.policeReport) : null,
      c.restricted ? d.restricted : null,
    ]
      .filter((x) => x !== null)
      .join(', ');

  return (
    <section aria-labelledby="rr-findings" className="pp-section">
      <Heading2 id="rr-findings">{d.findings}</Heading2>
      <Paragraph>{d.findingsIntro}</Paragraph>
      {found.loading && !found.data ? <Loading /> : null}
      {found.error ? <LoadError error={found.error} /> : null}
      {found.data && clips.length === 0 ? <Paragraph>{d.noClips}</Paragraph> : null}
      {clips.length > 0 ? (
        <ResourceTable
          caption={d.clipsCaption}
          rows={clips}
          rowKey={(c) => c.id}
          rowHeader={{ header: d.clip, cell: (c) => when(c) }}
          columns={[
            { header: t.rights.col.place, cell: (c) => registry.roomLabel(c.roomId) },
            { header: d.clipState, cell: state },
            { header: d.linked, cell: (c) => (c.linked ? d.yes : d.no) },
            { header: d.outcome, cell: (c) => (c.outcome ? (d.outcomes[c.outcome] ?? c.outcome) : d.none) },
            ...(redaction
              ? [
                  {
                    header: d.redaction,
                    cell: (c: Clip) =>
                      c.linked && c.status !== 'deleted' ? (
                        <AppLink
                          href={redactionHref(request.id, c.id)}
                          aria-label={d.redactionLabel(when(c))}
                        >
                          {d.redaction}
                        </AppLink>
                      ) : (
                        d.none
                      ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}

      {manage && open && linkable.length > 0 ? (
        <LinkForm request={request} clips={linkable} label={when} onDone={() => onChanged(d.linked_notice)} />
      ) : null}

      {manage &&
      open &&
      (canErase || canRestrict) &&
      (waiting('erase').length > 0 || waiting('restrict').length > 0) ? (
        <section aria-labelledby="rr-clip-actions" className="pp-section">
          <Heading3 id="rr-clip-actions">{d.clipActions}</Heading3>
          {confirm === null ? (
            <ButtonGroup>
              {canErase && waiting('erase').length > 0 ? (
                <Button
                  appearance="secondary-action-button"
                  onClick={(e) => {
                    openerRef.current = e.currentTarget;
                    setConfirm('erase');
                  }}
                >
                  {d.erase}
                </Button>
              ) : null}
              {canRestrict && waiting('restrict').length > 0 ? (
                <Button
                  appearance="secondary-action-button"
                  onClick={(e) => {
                    openerRef.current = e.currentTarget;
                    setConfirm('restrict');
                  }}
                >
                  {d.restrict}
                </Button>
              ) : null}
            </ButtonGroup>
          ) : (
            <div role="group" aria-labelledby="rr-confirm-text" className="pp-confirm">
              <Paragraph id="rr-confirm-text">
                {confirm === 'erase'
                  ? d.eraseConfirm(waiting('erase').length)
                  : d.restrictConfirm(waiting('restrict').length)}
              </Paragraph>
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  busy={busy}
                  disabled={busy}
                  onClick={() => void act(confirm)}
                >
                  {d.confirm}
                </Button>
                <Button
                  appearance="secondary-action-button"
                  onClick={() => {
                    setConfirm(null);
                    openerRef.current?.focus();
                  }}
                >
                  {d.cancel}
                </Button>
              </ButtonGroup>
            </div>
          )}
          {actError ? <Paragraph role="alert">{actError}</Paragraph> : null}
        </section>
      ) : null}
      {failures.length > 0 ? (
        <UnorderedList>
          {failures.map((f) => {
            const c = clips.find((x) => x.id === f.clipId);
            return (
              <UnorderedListItem key={f.clipId}>
                {d.actionError(c ? when(c) : f.clipId, t.problems.messages[f.error ?? ''] ?? f.reason ?? '')}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      ) : null}

      <Heading3>{d.alarms}</Heading3>
      {found.data && found.data.alarms.length === 0 ? <Paragraph>{d.noAlarms}</Paragraph> : null}
      {found.data && found.data.alarms.length > 0 ? (
        <UnorderedList>
          {found.data.alarms.map((a) => (
            <UnorderedListItem key={a.alarmId}>
              <AppLink href={`/incidents/${encodeURIComponent(a.incidentId)}`}>
                {d.alarm(registry.roomLabel(a.roomId), formatDateTime(lang, a.raisedAt), a.reported)}
              </AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </section>
  );
};

const LinkForm = ({
  request,
  clips,
  label,
  onDone,
}: {
  readonly request: SubjectRequest;
  readonly clips: readonly Clip[];
  readonly label: (c: Clip) => string;
  readonly onDone: () => void;
}) => {
  const { t } = useI18n();
  const d = t.rights.detail;
  const prefix = 'rr-link';
  const first = `${prefix}-${clips[0]?.id ?? ''}`;
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useFormState({ clipIds: first }, { [first]: d.linkLegend });
  const submit = () => {
    const none =
      chosen.length === 0
        ? { summary: undefined, fields: { [first]: d.linkNone } }
        : { summary: undefined, fields: {} };
    void form
      .submit(none, async () => {
        await api.post(`/api/rights/requests/${encodeURIComponent(request.id)}/clips`, { clipIds: chosen });
      })
      .then((ok) => {
        if (ok) {
          setChosen([]);
          onDone();
        }
      });
  };
  return (
    <FormSection title={d.link} form={form} onSubmit={submit} submitLabel={d.linkSubmit}>
      <CheckboxGroup<string>
        idPrefix={prefix}
        legend={d.linkLegend}
        description={d.linkIntro}
        options={clips.map((c) => ({ value: c.id, label: label(c) }))}
        selected={chosen}
        onChange={setChosen}
        error={form.errors.fields[first]}
      />
    </FormSection>
  );
};
