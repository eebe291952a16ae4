/**
 * The effective recording policy per room (GET /api/rooms/:id/policy): per kind of conversation,
 * what a conversation starting now would get — mode, pre/post-roll, audio, retention, viewers,
 * in force until — and the entries from approved assessments behind it. Below it what residents
 * are told (Art. 12–13 GDPR, EDPB 3/2019 §110–117): the sign for the door (first layer), the
 * public privacy page it points to (second layer), and the paragraph for the invitation letter.
 */
import {
  Button,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  api,
  type AssessmentSummary,
  type RecordingModeView,
  type RoomPolicyView,
  type RoomTransparency,
} from '../api.js';
import { assessmentHref } from '../assessment/paths.js';
import { AppLink } from '../components/AppLink.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { useLoad } from '../hooks.js';
import { formatDate, roleName, useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useSession } from '../session.js';

/** One letter paragraph, shown in full, with a button that copies it (for the letter template). */
const LetterParagraph = ({ text, lang }: { readonly text: string; readonly lang: 'nl' | 'en' }) => {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const id = `letter-${lang}`;
  const copy = () => {
    // The Clipboard API needs a secure context (https or localhost); otherwise the text can still be selected.
    const write = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <Heading3 id={`${id}-h`}>{t.roomPolicy.letterTitle[lang]}</Heading3>
      <blockquote id={id} lang={lang}>
        <Paragraph>{text}</Paragraph>
      </blockquote>
      <Button appearance="secondary-action-button" onClick={copy}>
        {t.roomPolicy.copy[lang]}
      </Button>
      <div role="status" aria-live="polite">
        {copied === 'done' ? (
          <Paragraph>{t.roomPolicy.copied}</Paragraph>
        ) : copied === 'failed' ? (
          <Paragraph>{t.roomPolicy.copyFailed}</Paragraph>
        ) : null}
      </div>
    </section>
  );
};

/** What residents are told about this room: the sign, the public privacy page, the letter paragraph. */
const Transparency = ({ roomId, label }: { readonly roomId: string; readonly label: string }) => {
  const { t } = useI18n();
  const texts = useLoad(() => api.get<RoomTransparency>(`/api/rooms/${roomId}/transparency`), [roomId]);
  const x = texts.data;
  const reg = useRegistry().registry;
  const siteId = reg.rooms.find((r) => r.id === roomId)?.siteId;
  return (
    <section aria-labelledby="policy-transparency">
      <Heading2 id="policy-transparency">{t.roomPolicy.transparency(label)}</Heading2>
      <Paragraph>{t.roomPolicy.transparencyIntro}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <Link href={`/api/rooms/${roomId}/sign.pdf`}>{t.roomPolicy.sign}</Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`/api/public/rooms/${roomId}/privacy`} target="_blank" rel="noopener">
            {t.roomPolicy.privacyPage}
          </Link>
        </UnorderedListItem>
        {siteId ? (
          <UnorderedListItem>
            <Link href={`/api/public/sites/${siteId}/privacy`} target="_blank" rel="noopener">
              {t.roomPolicy.sitePrivacyPage(reg.siteName(siteId))}
            </Link>
          </UnorderedListItem>
        ) : null}
      </UnorderedList>
      {texts.loading && !x ? <Loading /> : null}
      {texts.error ? <LoadError error={texts.error} /> : null}
      {x ? (
        <>
          <Paragraph>
            {t.roomPolicy.signAddress} <code className="pp-break">{x.secondLayerUrl}</code>
          </Paragraph>
          <LetterParagraph text={x.letterParagraph.nl} lang="nl" />
          <LetterParagraph text={x.letterParagraph.en} lang="en" />
        </>
      ) : null}
    </section>
  );
};

export const RoomPolicyPage = () => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const [roomId, setRoomId] = useState('');
  const chosen = roomId || reg.registry.rooms[0]?.id || '';
  const policy = useLoad(
    () => (chosen ? api.get<RoomPolicyView>(`/api/rooms/${chosen}/policy`) : Promise.resolve(undefined)),
    [chosen],
  );
  const p = policy.data;
  const { can } = useSession();
  // Assessments by title (the decision names them by id); only for those who may read them.
  const assessments = useLoad(
    () =>
      can('assessments:read') ? api.get<AssessmentSummary[]>('/api/assessments') : Promise.resolve(undefined),
    [],
  );
  const titleOf = (id: string): string | undefined =>
    assessments.data?.find((a) => a.id === id)?.latest.title;
  const why = (d: RoomPolicyView['decisions'][number]['decision']) => (
    <>
      {t.roomPolicy.reasons[d.reasonCode]}
      {d.assessmentIds.map((id, i) => {
        const title = titleOf(id);
        return (
          <span key={id}>
            {i === 0 ? ' ' : ', '}
            {title ? (
              <AppLink href={assessmentHref({ kind: 'detail', id })}>{title}</AppLink>
            ) : (
              t.roomPolicy.unnamedAssessment
            )}
          </span>
        );
      })}
    </>
  );
  const mode = (m: RecordingModeView) => (
    <>
      <StatusBadge status={m.kind === 'off' ? 'neutral' : 'warning'}>
        {t.roomPolicy.modes[m.kind] ?? m.kind}
      </StatusBadge>
      {m.kind === 'incident-triggered' ? ` ${t.roomPolicy.rolls(m.preRollSeconds, m.postRollSeconds)}` : ''}
    </>
  );
  const untilOf = (typeId: string): string => {
    const until = p?.policy.entries
      .filter((e) => e.conversationTypeId === typeId && e.validUntil)
      .map((e) => e.validUntil ?? '');
    return until && until.length > 0 ? formatDate(lang, until.sort()[0] ?? '') : t.incidents.none;
  };
  const label = reg.registry.roomLabel(chosen);

  return (
    <>
      <PageTitle>{t.roomPolicy.title}</PageTitle>
      <Paragraph className="pp-page-intro">{t.roomPolicy.intro}</Paragraph>
      {reg.error ? <LoadError error={reg.error} /> : null}
      {reg.data ? (
        <SelectField
          id="policy-room"
          label={t.roomPolicy.room}
          value={chosen}
          onChange={setRoomId}
          options={reg.registry.rooms.map((r) => ({ value: r.id, label: reg.registry.roomLabel(r.id) }))}
        />
      ) : null}
      {policy.loading && !p ? <Loading /> : null}
      {policy.error ? <LoadError error={policy.error} /> : null}
      {p ? (
        <ResourceTable
          stackOnPhone
          caption={t.roomPolicy.caption(label)}
          rows={p.decisions}
          rowKey={(d) => d.conversationTypeId}
          rowHeader={{
            header: t.roomPolicy.kind,
            cell: (d) => reg.registry.typeName(d.conversationTypeId) || d.name,
          }}
          columns={[
            { header: t.roomPolicy.mode, cell: (d) => mode(d.decision.mode) },
            { header: t.roomPolicy.audio, cell: (d) => (d.decision.audioAllowed ? t.yes : t.no) },
            {
              header: t.roomPolicy.retention,
              cell: (d) =>
                d.decision.retentionHours === undefined
                  ? t.incidents.none
                  : t.roomPolicy.hours(d.decision.retentionHours),
            },
            {
              header: t.roomPolicy.viewers,
              cell: (d) =>
                d.decision.viewers.length > 0
                  ? d.decision.viewers.map((v) => roleName(t, v)).join(', ')
                  : t.roomPolicy.nobody,
            },
            { header: t.roomPolicy.validUntil, cell: (d) => untilOf(d.conversationTypeId) },
            { header: t.roomPolicy.reason, cell: (d) => why(d.decision) },
          ]}
        />
      ) : null}
      {p && p.policy.entries.length === 0 ? <Paragraph>{t.roomPolicy.noEntries}</Paragraph> : null}
      {chosen ? <Transparency key={chosen} roomId={chosen} label={label} /> : null}
    </>
  );
};
