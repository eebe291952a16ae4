/**
 * One viewing request: the clip, reason, legal ground, police report, the approvals so far and
 * who can still approve, its state; the custodian's approve and refuse forms, revocation, and for
 * the requester with a live grant the way to the viewer and, where the grant names export, the
 * evidence export for the police. After an action focus moves to the
 * confirmation (WCAG 2.4.3), because the form that had it may be gone.
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, isNotFound } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { ApproveForm, RefuseForm, RevokeForm } from './ActionForms.js';
import { footageProblemText } from './errors.js';
import { ExportForm } from './ExportForm.js';
import { FootageHistory } from './FootageHistory.js';
import { footageHref } from './paths.js';
import type { ViewingRequest } from './types.js';

const Row = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <DataListItem>
    <DataListKey>{label}</DataListKey>
    <DataListValue>{children}</DataListValue>
  </DataListItem>
);

type Open = 'refuse' | 'revoke' | null;

export const RequestDetail = ({ id }: { readonly id: string }) => {
  const { t, lang } = useI18n();
  const f = t.footage;
  const { me, can } = useSession();
  const { navigate } = useRouter();
  const reg = useRegistry();
  const loaded = useLoad(() => api.get<ViewingRequest>(`/api/footage/requests/${id}`), [id]);
  const [answer, setAnswer] = useState<ViewingRequest | undefined>(undefined);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (isNotFound(loaded.error)) return <NotFoundPage />;
  const r = answer ?? loaded.data;
  if (!r)
    return (
      <>
        <PageTitle>{f.detailTitle}</PageTitle>
        {loaded.error ? <Paragraph>{footageProblemText(t, loaded.error)}</Paragraph> : <Loading />}
      </>
    );

  const done = (text: (next: ViewingRequest) => string) => (next: ViewingRequest) => {
    setAnswer(next);
    setOpen(null);
    setVersion((v) => v + 1);
    setNotice((n) => ({ text: text(next), n: (n?.n ?? 0) + 1 }));
  };
  const cancel = () => {
    setOpen(null);
    // Focus goes back to the button that opened the form.
    openerRef.current?.focus();
  };

  const when = (iso: string | null) => (iso ? formatDateTime(lang, iso) : t.incidents.none);
  const pending = r.state === 'pending';
  const mine = r.requestedBy.id === me.user.id;
  const approvedByMe = r.approvals.some((a) => a.by.id === me.user.id);
  const custodian = me.user.custodian && can('footage:approve');
  // The requester or a custodian (the server checks it too).
  const mayRevoke =
    (pending || (r.state === 'granted' && r.grant?.live === true)) &&
    can('footage:approve') &&
    (mine || me.user.custodian);
  const grant = r.grant;

  return (
    <>
      <PageTitle>{f.detailTitle}</PageTitle>
      <Paragraph>
        <AppLink href={footageHref({ kind: 'list' })}>{f.back}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1} className="pp-focus-target">
        <Notice text={notice?.text} />
      </div>
      <DataList appearance="rows" className="pp-datalist">
        <Row label={f.state}>{f.states[r.state] ?? r.state}</Row>
        <Row label={f.clip}>
          {reg.registry.roomLabel(r.roomId)}, {when(r.clipStartedAt)}
          {r.clipEndedAt ? ` – ${when(r.clipEndedAt)}` : ''}
        </Row>
        {r.incidentId ? (
          <Row label={f.incident}>
            <AppLink href={`/incidents/${encodeURIComponent(r.incidentId)}`}>{f.openIncident}</AppLink>
          </Row>
        ) : null}
        <Row label={f.requestedBy}>
          {r.requestedBy.displayName}, {when(r.requestedAt)}
        </Row>
        <Row label={f.reason}>{r.reason}</Row>
        <Row label={f.legalGround}>{f.grounds[r.legalGround]?.label ?? r.legalGround}</Row>
        {r.policeReport ? <Row label={f.policeReport}>{r.policeReport}</Row> : null}
        <Row label={f.purposesLabel}>{r.purposes.map((p) => f.purposes[p]?.label ?? p).join(', ')}</Row>
      </DataList>

      <section aria-labelledby="request-approvals" className="pp-section">
        <Heading2 id="request-approvals">
          {f.approvals} ({f.approvalsCount(r.approvals.length, r.threshold)})
        </Heading2>
        <Paragraph>{f.threshold(r.threshold)}</Paragraph>
        {r.approvals.length === 0 ? (
          <Paragraph>{f.noApprovals}</Paragraph>
        ) : (
          <UnorderedList>
            {r.approvals.map((a) => (
              <UnorderedListItem key={`${a.by.id}-${a.at}`}>
                {f.approvedBy(a.by.displayName, when(a.at))}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {pending ? (
          <>
            <Paragraph>{f.awaiting}:</Paragraph>
            {r.awaiting.length === 0 ? (
              <Paragraph>{f.awaitingNobody}</Paragraph>
            ) : (
              <UnorderedList>
                {r.awaiting.map((p) => (
                  <UnorderedListItem key={p.id}>{p.displayName}</UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </>
        ) : null}
        {r.refusal ? (
          <Paragraph>{f.refusedBy(r.refusal.by.displayName, when(r.refusal.at), r.refusal.reason)}</Paragraph>
        ) : null}
        {r.endedAt ? (
          <Paragraph>
            {f.endedBecause(when(r.endedAt), f.endReasons[r.endReason ?? ''] ?? r.endReason ?? '')}
          </Paragraph>
        ) : null}
        {grant ? (
          <Paragraph>
            {grant.live ? f.grantLive(when(grant.expiresAt), grant.playsLeft) : f.grantOver}
          </Paragraph>
        ) : null}
      </section>

      {mine && grant?.live ? (
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            onClick={() => navigate(footageHref({ kind: 'viewer', grantId: grant.id }))}
          >
            {f.watch}
          </Button>
        </ButtonGroup>
      ) : null}

      {mine && grant?.live && grant.exportAllowed && can('footage:export') ? (
        <ExportForm
          grantId={grant.id}
          onDone={(file) => {
            // The export is in the history now; focus goes to the confirmation.
            setVersion((v) => v + 1);
            setNotice((n) => ({ text: f.exportedNotice(file), n: (n?.n ?? 0) + 1 }));
          }}
        />
      ) : null}

      {pending && custodian && !approvedByMe ? (
        <ApproveForm
          request={r}
          onDone={done((next) => (next.state === 'granted' ? f.grantedNotice : f.approvedNotice))}
        />
      ) : null}

      {(pending && custodian) || mayRevoke ? (
        <ButtonGroup>
          {pending && custodian ? (
            <Button
              appearance="secondary-action-button"
              aria-expanded={open === 'refuse'}
              onClick={(e) => {
                openerRef.current = e.currentTarget;
                setOpen('refuse');
              }}
            >
              {f.refuseOpen}
            </Button>
          ) : null}
          {mayRevoke ? (
            <Button
              appearance="secondary-action-button"
              aria-expanded={open === 'revoke'}
              onClick={(e) => {
                openerRef.current = e.currentTarget;
                setOpen('revoke');
              }}
            >
              {f.revokeOpen}
            </Button>
          ) : null}
        </ButtonGroup>
      ) : null}
      {open === 'refuse' ? (
        <RefuseForm request={r} onDone={done(() => f.refusedNotice)} onCancel={cancel} />
      ) : null}
      {open === 'revoke' ? (
        <RevokeForm request={r} onDone={done(() => f.revokedNotice)} onCancel={cancel} />
      ) : null}

      <FootageHistory clipId={r.clipId} version={version} />
    </>
  );
};
