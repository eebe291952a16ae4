/**
 * One complaint or regulator inquiry: its facts, the deadline (state, due date, postponement), the
 * links (assessments, rooms, residents' requests), the steps the privacy officer may take now
 * (start, extend, add a timeline entry, link, answer, close) and the timeline with names. The
 * auditor and the accountable official read all of it; only the privacy officer
 * (complaints:manage) sees the actions. After an action focus moves to the confirmation
 * (WCAG 2.4.3), because the form that had it is gone.
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
import type { Complaint, ComplaintDetail } from '../api-types.js';
import { assessmentHref } from '../assessment/paths.js';
import { AppLink } from '../components/AppLink.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { problemText, useLoad } from '../hooks.js';
import { formatDate, formatDateTime, useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useRegistry } from '../registry.js';
import { rightsHref } from '../rights/paths.js';
import { useSession } from '../session.js';
import { complaintsHref } from './paths.js';
import { AnswerForm, EntryForm, ExtendForm, LinkForm } from './StepForms.js';
import { deadlineText, siteOf } from './view.js';

const Row = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <DataListItem>
    <DataListKey>{label}</DataListKey>
    <DataListValue>{children}</DataListValue>
  </DataListItem>
);

type Open = 'extend' | 'entry' | 'link' | 'answer' | null;
type Action = Complaint['actions'][number];

export const ComplaintDetailPage = ({ id }: { readonly id: string }) => {
  const { t, lang } = useI18n();
  const c = t.complaints;
  const d = c.detail;
  const { can } = useSession();
  const reg = useRegistry();
  const [version, setVersion] = useState(0);
  const loaded = useLoad(
    () => api.get<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}`),
    [id, version],
  );
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | undefined>(undefined);
  const [stepError, setStepError] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (isNotFound(loaded.error)) return <NotFoundPage />;
  const detail = loaded.data;
  if (!detail)
    return (
      <>
        <PageTitle>{c.title}</PageTitle>
        {loaded.error ? <LoadError error={loaded.error} /> : <Loading />}
      </>
    );
  const q = detail.complaint;
  const manage = can('complaints:manage');
  const day = (x: string) => formatDate(lang, x);
  const when = (x: string) => formatDateTime(lang, x);
  const person = (who: string) => detail.people[who] ?? (who === 'complaints' ? d.system : who);
  const may = (a: Action) => manage && q.actions.includes(a);
  const path = `/api/complaints/${encodeURIComponent(q.id)}`;

  const changed = (text: string) => {
    setOpen(null);
    setStepError(undefined);
    setVersion((v) => v + 1);
    setNotice((n) => ({ text, n: (n?.n ?? 0) + 1 }));
  };
  const cancel = () => {
    setOpen(null);
    openerRef.current?.focus();
  };
  const run = async (step: string, body: object, text: string) => {
    try {
      await api.post(`${path}/${step}`, body);
      changed(text);
    } catch (e) {
      setStepError(problemText(t, e));
    }
  };
  const opener = (which: Exclude<Open, null>, label: string) => (
    <Button
      appearance="secondary-action-button"
      aria-expanded={open === which}
      onClick={(e) => {
        openerRef.current = e.currentTarget;
        setOpen(which);
      }}
    >
      {label}
    </Button>
  );
  const linkText = (l: ComplaintDetail['links'][number]): string => {
    const kind = c.linkKinds[l.kind] ?? l.kind;
    if (l.label === null) return `${kind}: ${d.unknownTarget(l.targetId)}`;
    if (l.kind === 'room') return `${kind}: ${reg.registry.roomLabel(l.targetId)}`;
    return `${kind}: ${l.label}`;
  };
  const linkHref = (l: ComplaintDetail['links'][number]): string | undefined =>
    l.label === null
      ? undefined
      : l.kind === 'assessment'
        ? assessmentHref({ kind: 'detail', id: l.targetId })
        : l.kind === 'request'
          ? rightsHref({ kind: 'request', id: l.targetId })
          : undefined;
  const eventText = (e: ComplaintDetail['events'][number]): string => {
    const what = d.events[e.action] ?? c.entryTypes[e.action] ?? e.action;
    const extra = ['text', 'reasons', 'explanation']
      .map((k) => e.details[k])
      .find((x): x is string => typeof x === 'string' && x !== '');
    const outcome = typeof e.details.outcome === 'string' ? c.outcomes[e.details.outcome] : undefined;
    return [what, outcome, extra].filter((x) => x !== undefined).join(': ');
  };
  const inquiry = q.kind === 'regulator-inquiry';
  const kindName = c.kinds[q.kind] ?? q.kind;

  return (
    <>
      <PageTitle>{d.title(kindName, q.subject)}</PageTitle>
      <Paragraph>
        <AppLink href={complaintsHref({ kind: 'list' })}>{c.back}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1} className="pp-focus-target">
        <Notice text={notice?.text} />
      </div>

      <section aria-labelledby="cp-facts" className="pp-section">
        <Heading2 id="cp-facts">{d.facts}</Heading2>
        <DataList appearance="rows" className="pp-datalist">
          <Row label={c.col.kind}>{kindName}</Row>
          <Row label={d.status}>{c.statuses[q.status] ?? q.status}</Row>
          <Row label={d.received}>{when(q.receivedAt)}</Row>
          <Row label={d.source}>{c.sources[q.source] ?? q.source}</Row>
          <Row label={d.site}>{siteOf(t, reg.registry, q)}</Row>
          <Row label={d.from}>
            {q.contactErasedAt && q.fromName === null
              ? d.erased(day(q.contactErasedAt))
              : (q.fromName ?? d.none)}
          </Row>
          <Row label={d.contact}>
            {q.contactErasedAt ? d.erased(day(q.contactErasedAt)) : (q.fromContact ?? d.none)}
          </Row>
          <Row label={d.reference}>{q.reference ?? d.none}</Row>
          <Row label={d.summary}>{q.summary ?? d.none}</Row>
          <Row label={d.registeredBy}>
            {person(q.createdBy)}, {when(q.createdAt)}
          </Row>
          {q.outcome ? <Row label={d.outcome}>{c.outcomes[q.outcome] ?? q.outcome}</Row> : null}
          {q.outcomeExplanation ? <Row label={d.outcomeExplanation}>{q.outcomeExplanation}</Row> : null}
          {q.closedAt ? <Row label={d.closedAt}>{when(q.closedAt)}</Row> : null}
        </DataList>
      </section>

      <section aria-labelledby="cp-deadline" className="pp-section">
        <Heading2 id="cp-deadline">{d.deadline}</Heading2>
        <Paragraph>
          <strong>{d.dueOn(day(q.deadline.dueOn))}</strong>
          {' — '}
          <span className={`pp-deadline pp-deadline--${q.deadline.status}`}>
            {deadlineText(t, q.deadline)}
          </span>
          {q.deadline.status !== 'answered' ? ` (${c.daysLeft(q.deadline.daysLeft)})` : ''}
        </Paragraph>
        {inquiry ? <Paragraph>{d.inquiryDue}</Paragraph> : null}
        {q.extensionReasons || q.extensionNotifiedOn ? (
          <Paragraph>
            {d.extended(day(q.extensionNotifiedOn ?? q.receivedOn), q.extensionReasons ?? '')}
          </Paragraph>
        ) : (
          <Paragraph>{d.notExtended}</Paragraph>
        )}
        {q.answeredOn ? <Paragraph>{d.answeredOn(day(q.answeredOn))}</Paragraph> : null}
      </section>

      {manage && q.actions.length > 0 ? (
        <section aria-labelledby="cp-steps" className="pp-section">
          <Heading2 id="cp-steps">{d.steps}</Heading2>
          <ButtonGroup>
            {may('start') ? (
              <Button
                appearance="primary-action-button"
                onClick={() => void run('start', {}, d.startedNotice)}
              >
                {d.start}
              </Button>
            ) : null}
            {may('extend') ? opener('extend', d.extend) : null}
            {may('record') ? opener('entry', d.entry) : null}
            {may('link') ? opener('link', d.addLink) : null}
            {may('answer') ? opener('answer', d.answer) : null}
            {may('close') ? (
              <Button
                appearance="secondary-action-button"
                onClick={() => void run('close', {}, d.closedNotice)}
              >
                {d.close}
              </Button>
            ) : null}
          </ButtonGroup>
          {stepError ? <Paragraph role="alert">{stepError}</Paragraph> : null}
          {open === 'extend' ? <ExtendForm complaint={q} onDone={changed} onCancel={cancel} /> : null}
          {open === 'entry' ? <EntryForm complaint={q} onDone={changed} onCancel={cancel} /> : null}
          {open === 'link' ? <LinkForm complaint={q} onDone={changed} onCancel={cancel} /> : null}
          {open === 'answer' ? <AnswerForm complaint={q} onDone={changed} onCancel={cancel} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="cp-links" className="pp-section">
        <Heading2 id="cp-links">{d.links}</Heading2>
        <Paragraph>{d.linksIntro}</Paragraph>
        {detail.links.length === 0 ? (
          <Paragraph>{d.noLinks}</Paragraph>
        ) : (
          <UnorderedList>
            {detail.links.map((l) => {
              const text = linkText(l);
              const href = linkHref(l);
              return (
                <UnorderedListItem key={`${l.kind}-${l.targetId}`}>
                  {href ? <AppLink href={href}>{text}</AppLink> : text}
                  {` (${d.linkedBy(person(l.linkedBy), day(l.linkedAt))})`}
                  {may('link') ? (
                    <>
                      {' '}
                      <Button
                        appearance="subtle-button"
                        onClick={() =>
                          void run(
                            'links',
                            { remove: [{ kind: l.kind, targetId: l.targetId }] },
                            d.removedNotice,
                          )
                        }
                      >
                        {d.remove(text)}
                      </Button>
                    </>
                  ) : null}
                </UnorderedListItem>
              );
            })}
          </UnorderedList>
        )}
      </section>

      <section aria-labelledby="cp-timeline" className="pp-section">
        <Heading2 id="cp-timeline">{d.timeline}</Heading2>
        <ResourceTable
          caption={d.timelineCaption}
          rows={detail.events}
          rowKey={(e) => e.id}
          rowHeader={{ header: d.when, cell: (e) => when(e.at) }}
          columns={[
            { header: d.who, cell: (e) => person(e.by) },
            { header: d.what, cell: eventText },
          ]}
        />
      </section>
    </>
  );
};
