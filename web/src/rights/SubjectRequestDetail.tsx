/**
 * One resident's request: its facts, the deadline and extension, the footage it points to (with
 * the clip actions), the steps the privacy officer may take now (start, extend, decide, send,
 * close), the letters (to read in nl/en as PDF or text, and the ones sent) and the timeline. The
 * auditor reads all of it; only the privacy officer (rights:manage) sees the actions. After an
 * action focus moves to the confirmation (WCAG 2.4.3), because the form that had it is gone.
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, isNotFound } from '../api.js';
import type { SubjectRequest, SubjectRequestDetail as Detail } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { LinkList } from '../components/LinkList.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { problemText, useLoad } from '../hooks.js';
import { formatDate, formatDateTime, useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useRegistry } from '../registry.js';
import { useSession } from '../session.js';
import { rightsHref } from './paths.js';
import { RequestFootage } from './RequestFootage.js';
import { CloseForm, DecideForm, ExtendForm, SendForm } from './StepForms.js';
import { deadlineText, placeOf } from './view.js';

const Row = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <DataListItem>
    <DataListKey>{label}</DataListKey>
    <DataListValue>{children}</DataListValue>
  </DataListItem>
);

type Open = 'extend' | 'decide' | 'send' | 'close' | null;

export const SubjectRequestDetail = ({ id }: { readonly id: string }) => {
  const { t, lang } = useI18n();
  const r = t.rights;
  const d = r.detail;
  const { can } = useSession();
  const reg = useRegistry();
  const [version, setVersion] = useState(0);
  const loaded = useLoad(
    () => api.get<Detail>(`/api/rights/requests/${encodeURIComponent(id)}`),
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
        <PageTitle>{r.title}</PageTitle>
        {loaded.error ? <LoadError error={loaded.error} /> : <Loading />}
      </>
    );
  const q = detail.request;
  const manage = can('rights:manage');
  const day = (x: string) => formatDate(lang, x);
  const when = (x: string) => formatDateTime(lang, x);
  const person = (who: string) => detail.people[who] ?? (who === 'rights' ? d.system : who);

  const changed = (text: string) => {
    setOpen(null);
    setStepError(undefined);
    setVersion((v) => v + 1);
    setNotice((n) => ({ text, n: (n?.n ?? 0) + 1 }));
  };
  const done = (_next: SubjectRequest, text: string) => changed(text);
  const cancel = () => {
    setOpen(null);
    openerRef.current?.focus();
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
  const start = async () => {
    try {
      await api.post(`/api/rights/requests/${encodeURIComponent(q.id)}/start`, {});
      changed(d.startedNotice);
    } catch (e) {
      setStepError(problemText(t, e));
    }
  };

  const may = (a: string) => manage && q.actions.includes(a as SubjectRequest['actions'][number]);
  const extendable = may('extend') && q.extensionNotifiedOn === null;
  const letterKinds = [
    ...(q.decision !== null ? (['decision'] as const) : []),
    ...(q.extensionNotifiedOn !== null ? (['extension'] as const) : []),
  ];

  return (
    <>
      <PageTitle>{d.title(r.kinds[q.kind] ?? q.kind)}</PageTitle>
      <Paragraph>
        <AppLink href={rightsHref({ kind: 'list' })}>{r.back}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1} className="pp-focus-target">
        <Notice text={notice?.text} />
      </div>

      <section aria-labelledby="rr-facts" className="pp-section">
        <Heading2 id="rr-facts">{d.facts}</Heading2>
        <DataList appearance="rows" className="pp-datalist">
          <Row label={r.col.kind}>{r.kindLabels[q.kind] ?? q.kind}</Row>
          <Row label={d.status}>{r.statuses[q.status] ?? q.status}</Row>
          <Row label={d.received}>
            {day(q.receivedOn)}, {r.channels[q.channel] ?? q.channel}
          </Row>
          <Row label={d.place}>{placeOf(t, reg.registry, q)}</Row>
          <Row label={d.window}>
            {when(q.windowFrom)} – {when(q.windowTo)}
          </Row>
          <Row label={d.recognition}>{q.recognition ?? d.none}</Row>
          <Row label={d.requester}>
            {q.contactErasedAt ? d.erased(day(q.contactErasedAt)) : (q.requesterName ?? d.none)}
          </Row>
          <Row label={d.contact}>
            {q.contactErasedAt ? d.erased(day(q.contactErasedAt)) : (q.requesterContact ?? d.none)}
          </Row>
          <Row label={d.identity}>
            {r.identityMethods[q.identityMethod] ?? q.identityMethod}
            {q.identityNote ? `: ${q.identityNote}` : ''}
          </Row>
          <Row label={d.language}>{r.form.languages[q.language] ?? q.language}</Row>
          {q.decision ? (
            <Row label={d.decision}>
              {r.decisions[q.decision] ?? q.decision}
              {q.decidedOn ? ` (${day(q.decidedOn)})` : ''}
            </Row>
          ) : null}
          {q.decisionReasons ? <Row label={d.decisionReasons}>{q.decisionReasons}</Row> : null}
          {q.closeReason ? <Row label={d.closeReason}>{q.closeReason}</Row> : null}
        </DataList>
      </section>

      <section aria-labelledby="rr-deadline" className="pp-section">
        <Heading2 id="rr-deadline">{d.deadline}</Heading2>
        <Paragraph>
          <strong>{d.dueOn(day(q.deadline.dueOn))}</strong>
          {' — '}
          <span className={`pp-deadline pp-deadline--${q.deadline.status}`}>
            {deadlineText(t, q.deadline)}
          </span>
          {q.deadline.status !== 'answered' ? ` (${r.daysLeft(q.deadline.daysLeft)})` : ''}
        </Paragraph>
        <Paragraph>
          {q.extensionNotifiedOn
            ? d.extended(day(q.extensionNotifiedOn), q.extensionReasons ?? '')
            : d.notExtended}
        </Paragraph>
        {q.answeredOn ? <Paragraph>{d.answeredOn(day(q.answeredOn))}</Paragraph> : null}
      </section>

      {manage && q.actions.some((a) => a !== 'clips') ? (
        <section aria-labelledby="rr-steps" className="pp-section">
          <Heading2 id="rr-steps">{d.steps}</Heading2>
          <ButtonGroup>
            {may('start') ? (
              <Button appearance="primary-action-button" onClick={() => void start()}>
                {d.start}
              </Button>
            ) : null}
            {extendable ? opener('extend', d.extend) : null}
            {may('decide') ? opener('decide', d.decide) : null}
            {may('send') ? opener('send', d.send) : null}
            {may('close') ? opener('close', d.close) : null}
          </ButtonGroup>
          {stepError ? <Paragraph role="alert">{stepError}</Paragraph> : null}
          {open === 'extend' ? <ExtendForm request={q} onDone={done} onCancel={cancel} /> : null}
          {open === 'decide' ? <DecideForm request={q} onDone={done} onCancel={cancel} /> : null}
          {open === 'send' ? <SendForm request={q} onDone={done} onCancel={cancel} /> : null}
          {open === 'close' ? <CloseForm request={q} onDone={done} onCancel={cancel} /> : null}
        </section>
      ) : null}

      <RequestFootage
        request={q}
        registry={reg.registry}
        manage={manage}
        version={version}
        onChanged={changed}
      />

      <section aria-labelledby="rr-letters" className="pp-section">
        <Heading2 id="rr-letters">{d.letters}</Heading2>
        <Paragraph>{d.lettersIntro}</Paragraph>
        {letterKinds.length === 0 ? <Paragraph>{d.noLetterYet}</Paragraph> : null}
        {letterKinds.map((kind) => (
          <div key={kind}>
            <Heading3>{d.letterKinds[kind]}</Heading3>
            <LinkList
              links={(['nl', 'en'] as const).flatMap((l) =>
                (['pdf', 'text'] as const).map((format) => ({
                  href: `/api/rights/requests/${encodeURIComponent(q.id)}/letter?kind=${kind}&lang=${l}&format=${format}`,
                  text: d.letterLink(
                    d.letterKinds[kind] ?? kind,
                    d.letterLanguages[l] ?? l,
                    d.letterFormats[format] ?? format,
                  ),
                  download: `${kind}-${l}.${format === 'pdf' ? 'pdf' : 'txt'}`,
                })),
              )}
            />
          </div>
        ))}
        <Heading3>{d.sentLetters}</Heading3>
        {detail.letters.length === 0 ? (
          <Paragraph>{d.noSentLetters}</Paragraph>
        ) : (
          <UnorderedList>
            {detail.letters.map((l) => (
              <UnorderedListItem key={l.id}>
                {d.sentLetter(
                  d.letterKinds[l.kind] ?? l.kind,
                  d.letterLanguages[l.language] ?? l.language,
                  d.letterFormats[l.format] ?? l.format,
                  day(l.sentOn),
                )}
                {` (${person(l.sentBy)})`}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>

      <section aria-labelledby="rr-timeline" className="pp-section">
        <Heading2 id="rr-timeline">{d.timeline}</Heading2>
        <ResourceTable
          caption={d.timelineCaption}
          rows={detail.events}
          rowKey={(e) => e.id}
          rowHeader={{ header: d.when, cell: (e) => when(e.at) }}
          columns={[
            { header: d.who, cell: (e) => person(e.by) },
            {
              header: d.what,
              cell: (e) => {
                const letters = Array.isArray(e.details.letters)
                  ? (e.details.letters as { kind: string; language: string; format: string }[])
                  : [];
                const what = d.events[e.action] ?? e.action;
                return letters.length === 0
                  ? what
                  : `${what}. ${d.lettersWith(
                      letters
                        .map((l) =>
                          d.letterLink(
                            d.letterKinds[l.kind] ?? l.kind,
                            d.letterLanguages[l.language] ?? l.language,
                            d.letterFormats[l.format] ?? l.format,
                          ),
                        )
                        .join('; '),
                    )}`;
              },
            },
          ]}
        />
      </section>
    </>
  );
};
