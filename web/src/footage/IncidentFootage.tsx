/**
 * The footage part of the incident page: the incident's clips (metadata only), "Inzage
 * aanvragen" per sealed clip for security and the DPO, and the footage history for those who see
 * footage records. After a request is made, focus moves to the confirmation with its link.
 */
import {
  Button,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { api, type Clip, type IncidentFootage as Footage } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useSession } from '../session.js';
import { FootageHistory } from './FootageHistory.js';
import { footageHref } from './paths.js';
import { ClipHolds } from './ClipHolds.js';
import { RequestForm } from './RequestForm.js';
import type { ViewingRequest } from './types.js';

export const IncidentFootage = ({ incidentId }: { readonly incidentId: string }) => {
  const { t, lang } = useI18n();
  const f = t.footage;
  const { can } = useSession();
  const reg = useRegistry();
  const footage = useLoad(
    () => api.get<Footage>(`/api/recording/incidents/${encodeURIComponent(incidentId)}/footage`),
    [incidentId],
  );
  const [requesting, setRequesting] = useState<string | null>(null);
  const [made, setMade] = useState<ViewingRequest | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const doneRef = useRef<HTMLDivElement>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (made) doneRef.current?.focus();
  }, [made]);

  const clips = footage.data?.clips ?? [];
  // Notes about a listed clip say nothing the table does not; the others say why there is no footage.
  const notes = (footage.data?.notes ?? []).filter((n) => n.clipId === null);
  const started = (c: Clip) => (c.startedAt ? formatDateTime(lang, c.startedAt) : c.id);
  const mayRequest = can('footage:request');
  const clipLabel = (id: string) => {
    const c = clips.find((x) => x.id === id);
    return c ? started(c) : id;
  };

  return (
    <section aria-labelledby="incident-footage" className="pp-section">
      <Heading2 id="incident-footage">{f.sectionTitle}</Heading2>
      {footage.loading && !footage.data ? <Loading /> : null}
      {footage.error ? <LoadError error={footage.error} /> : null}
      <div ref={doneRef} tabIndex={-1} className="pp-focus-target" role="status" aria-live="polite">
        {made ? (
          <Paragraph>
            {f.requestedNotice}{' '}
            <AppLink href={footageHref({ kind: 'request', id: made.id })}>{f.detailTitle}</AppLink>
          </Paragraph>
        ) : null}
      </div>
      {footage.data && clips.length === 0 ? <Paragraph>{f.noClips}</Paragraph> : null}
      {clips.length > 0 ? (
        <ResourceTable
          caption={f.clipsCaption}
          rows={clips}
          rowKey={(c) => c.id}
          rowHeader={{ header: f.clipTime, cell: started }}
          columns={[
            { header: f.room, cell: (c) => reg.registry.roomLabel(c.roomId) },
            { header: f.clipStatus, cell: (c) => f.clipStatuses[c.status] ?? c.status },
            {
              header: f.retentionUntil,
              cell: (c) => (c.retentionUntil ? formatDateTime(lang, c.retentionUntil) : t.incidents.none),
            },
          ]}
          actions={
            mayRequest
              ? (c) =>
                  c.status === 'sealed' ? (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={f.requestOpenFor(started(c))}
                      aria-expanded={requesting === c.id}
                      ref={(el: HTMLButtonElement | null) => {
                        if (el) openers.current.set(c.id, el);
                      }}
                      onClick={() => {
                        setMade(undefined);
                        setRequesting(c.id);
                      }}
                    >
                      {f.requestOpen}
                    </Button>
                  ) : null
              : undefined
          }
        />
      ) : null}
      {requesting !== null ? (
        <RequestForm
          key={requesting}
          clipId={requesting}
          clipLabel={clipLabel(requesting)}
          onDone={(request) => {
            setRequesting(null);
            setMade(request);
            setVersion((v) => v + 1);
          }}
          onCancel={() => {
            const opener = openers.current.get(requesting);
            setRequesting(null);
            opener?.focus();
          }}
        />
      ) : null}
      {notes.length > 0 ? (
        <>
          <Paragraph>{f.notes}:</Paragraph>
          <UnorderedList>
            {notes.map((n) => (
              <UnorderedListItem key={n.id}>
                {formatDateTime(lang, n.at)}: {n.message}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {/* Legal holds per kept clip: what keeps it past its retention (issue 10 §3). */}
      {can('footage:records')
        ? clips
            .filter((c) => c.status !== 'deleted')
            .map((c) => (
              <ClipHolds
                key={c.id}
                clipId={c.id}
                clipLabel={started(c)}
                canHold={can('footage:hold')}
                onChanged={() => setVersion((v) => v + 1)}
              />
            ))
        : null}
      {can('footage:records') ? <FootageHistory incidentId={incidentId} version={version} /> : null}
    </section>
  );
};
