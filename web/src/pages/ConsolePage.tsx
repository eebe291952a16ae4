/**
 * The responder's alarm console: live alarms over SSE with a visible alert and a tone, "ik kom",
 * close, who is on their way; the room states of the responder's sites; recently closed alarms.
 */
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAlarmStream } from '../alarm-stream.js';
import { api, type AlarmView, type RoomStatus } from '../api.js';
import { playAlarmTone, unlockAudio } from '../audio.js';
import { LoadError } from '../components/LoadError.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { problemText, useLoad } from '../hooks.js';
import { formatDuration, formatTime, useI18n } from '../i18n/index.js';
import { useRegistry, type Registry } from '../registry.js';
import { useSession } from '../session.js';

/**
 * Unanswered alarms first (nobody on the way), then the newest: what needs a responder now is at
 * the top of the first screen.
 */
export const byUrgency = (alarms: readonly AlarmView[]): AlarmView[] =>
  [...alarms].sort(
    (a, b) =>
      Number(a.acknowledgements.length > 0) - Number(b.acknowledgements.length > 0) ||
      b.raisedAt.localeCompare(a.raisedAt),
  );

const AlarmCard = ({
  alarm,
  onError,
  onClosed,
}: {
  readonly alarm: AlarmView;
  readonly onError: (text: string) => void;
  /** The card is about to go: the console moves the focus elsewhere. */
  readonly onClosed: () => void;
}) => {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const mine = alarm.acknowledgements.some((a) => a.userId === me.user.id);
  const act = (what: 'acknowledge' | 'close') => {
    if (busy) return;
    setBusy(true);
    api.post<AlarmView>(`/api/alarms/${alarm.id}/${what}`).then(
      () => {
        setBusy(false);
        if (what === 'close') onClosed();
      },
      (e: unknown) => {
        setBusy(false);
        onError(problemText(t, e));
      },
    );
  };
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    closeButton.current?.focus();
  };
  const coming = alarm.acknowledgements.map((a) => a.displayName);
  const headingId = `alarm-${alarm.id}`;
  const kind = alarm.conversationType
    ? lang === 'nl'
      ? alarm.conversationType.nameNl
      : alarm.conversationType.nameEn
    : t.console.unknownKind;
  return (
    <article
      aria-labelledby={headingId}
      className={`pp-alarm-card ${coming.length === 0 ? 'pp-alarm-card--unanswered' : 'pp-alarm-card--answered'}`}
    >
      <Heading3 id={headingId}>{t.console.alarmIn(alarm.roomName)}</Heading3>
      {alarm.silent ? (
        <Paragraph>
          <strong>{t.console.silentAlarm}</strong>
        </Paragraph>
      ) : null}
      {alarm.riskFlag ? (
        <Paragraph>
          <StatusBadge status="warning">{t.console.risk}</StatusBadge>
        </Paragraph>
      ) : null}
      {/* The actions come right under the heading, in the first screen. aria-disabled, not disabled:
          the focus stays on the button the responder pressed (WCAG 2.4.3). */}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          className="pp-ack-button"
          aria-disabled={busy || mine}
          onClick={() => {
            if (!mine) act('acknowledge');
          }}
          aria-label={
            mine ? t.console.youAreComing(alarm.roomName) : t.console.acknowledgeRoom(alarm.roomName)
          }
        >
          {mine ? t.console.youAreComingShort : t.console.acknowledge}
        </Button>
        <Button
          ref={closeButton}
          appearance="secondary-action-button"
          aria-disabled={busy || confirming}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
          aria-label={t.console.closeRoom(alarm.roomName)}
        >
          {t.console.close}
        </Button>
      </ButtonGroup>
      {confirming ? (
        <div className="pp-alarm-confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <Paragraph id={`${headingId}-confirm`}>
            <strong>
              {coming.length === 0 ? t.console.confirmCloseNobody : t.console.confirmCloseComing(coming)}
            </strong>
          </Paragraph>
          <ButtonGroup>
            <Button ref={confirmButton} appearance="primary-action-button" onClick={() => act('close')}>
              {t.console.confirmClose}
            </Button>
            <Button appearance="secondary-action-button" onClick={cancel}>
              {t.console.keepOpen}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      <DataList appearance="rows" className="pp-datalist pp-alarm-facts">
        <DataListItem>
          <DataListKey>{t.console.site}</DataListKey>
          <DataListValue>{alarm.siteName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.console.floor}</DataListKey>
          <DataListValue>{alarm.floor}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.console.kind}</DataListKey>
          <DataListValue>{kind}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.console.time}</DataListKey>
          <DataListValue>
            {formatTime(lang, alarm.raisedAt)}
            {alarm.pressCount > 1 ? ` (${t.console.presses(alarm.pressCount)})` : ''}
          </DataListValue>
        </DataListItem>
        {alarm.raisedBy ? (
          <DataListItem>
            <DataListKey>{t.console.raisedBy}</DataListKey>
            <DataListValue>{alarm.raisedBy.displayName}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>{t.console.acknowledgedBy}</DataListKey>
          <DataListValue>
            {alarm.acknowledgements.length === 0
              ? t.console.nobodyYet
              : alarm.acknowledgements.map((a) => `${a.displayName} (${formatTime(lang, a.at)})`).join(', ')}
          </DataListValue>
        </DataListItem>
        {alarm.escalatedAt ? (
          <DataListItem>
            <DataListKey>{t.console.escalated}</DataListKey>
            <DataListValue>{formatTime(lang, alarm.escalatedAt)}</DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
    </article>
  );
};

const RoomStates = ({ registry, tick }: { readonly registry: Registry; readonly tick: number }) => {
  const { t } = useI18n();
  const states = useLoad(() => api.get<RoomStatus[]>('/api/room-states'), [tick]);
  const list = states.data ?? [];
  const siteIds = [...new Set(list.map((s) => s.siteId))];
  const badge = (s: RoomStatus) => (
    <StatusBadge status={s.state === 'alarm' ? 'danger' : s.state === 'free' ? 'safe' : 'neutral'}>
      {t.console.states[s.state]}
    </StatusBadge>
  );
  return (
    <section aria-labelledby="console-rooms">
      <Heading2 id="console-rooms">{t.console.rooms}</Heading2>
      {states.error ? <LoadError error={states.error} /> : null}
      {siteIds.map((siteId) => (
        <ResourceTable
          key={siteId}
          variant="fixed"
          stackOnPhone
          caption={t.console.roomsCaption(registry.siteName(siteId))}
          rows={list.filter((s) => s.siteId === siteId)}
          rowKey={(s) => s.roomId}
          rowHeader={{ header: t.incidents.room, cell: (s) => s.name }}
          columns={[
            { header: t.console.floor, cell: (s) => s.floor },
            { header: t.console.state, cell: badge },
            {
              header: t.console.kind,
              cell: (s) => (s.conversation ? registry.typeName(s.conversation.conversationTypeId) : ''),
            },
          ]}
        />
      ))}
    </section>
  );
};

export const ConsolePage = () => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const onNewAlarm = useCallback(
    (a: AlarmView) => {
      setAnnouncement(
        `${t.console.newAlarm(a.roomName, a.floor)} — ${a.siteName}, ${formatTime(lang, a.raisedAt)}`,
      );
      playAlarmTone();
    },
    [t, lang],
  );
  const stream = useAlarmStream({ onNewAlarm });
  const recent = useLoad(() => api.get<AlarmView[]>('/api/alarms?recent=10'), [stream.closed.length]);
  const closed = (recent.data ?? []).filter((a) => a.state === 'closed');

  // Clear the announcement once nothing is open, so the alert region does not go stale.
  useEffect(() => {
    if (stream.open.length === 0) setAnnouncement('');
  }, [stream.open.length]);

  // The open alarms and their actions come first; how the console works comes after them.
  return (
    <>
      <PageTitle>{t.console.title}</PageTitle>
      <Paragraph role="status" className="pp-stream-state">
        {stream.state === 'open'
          ? t.console.connected
          : stream.state === 'connecting'
            ? t.console.connecting
            : t.console.reconnecting}
      </Paragraph>
      <div role="alert" className="pp-alarm-announcement">
        {announcement ? (
          <Alert type="error" role="presentation">
            <Paragraph>
              <strong>{announcement}</strong>
            </Paragraph>
            {stream.missed > 0 ? <Paragraph>{t.console.missed(stream.missed)}</Paragraph> : null}
          </Alert>
        ) : null}
      </div>
      {error ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="console-open">
        <Heading2 id="console-open" ref={openHeading} tabIndex={-1}>
          {t.console.open}
        </Heading2>
        {stream.open.length === 0 ? <Paragraph>{t.console.noOpen}</Paragraph> : null}
        {byUrgency(stream.open).map((a) => (
          <AlarmCard key={a.id} alarm={a} onError={setError} onClosed={() => openHeading.current?.focus()} />
        ))}
      </section>
      <Paragraph>{t.console.intro}</Paragraph>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          aria-describedby="console-sound-hint"
          onClick={() => void unlockAudio().then(() => playAlarmTone())}
        >
          {t.console.soundOn}
        </Button>
      </ButtonGroup>
      <Paragraph id="console-sound-hint" appearance="small">
        {t.console.soundHint}
      </Paragraph>
      {reg.data ? <RoomStates registry={reg.registry} tick={stream.roomTick} /> : null}
      {closed.length > 0 ? (
        <section aria-labelledby="console-recent">
          <Heading2 id="console-recent">{t.console.recent}</Heading2>
          <ResourceTable
            caption={t.console.recentCaption}
            rows={closed}
            rowKey={(a) => a.id}
            rowHeader={{ header: t.incidents.room, cell: (a) => `${a.siteName} — ${a.roomName}` }}
            columns={[
              { header: t.console.time, cell: (a) => formatTime(lang, a.raisedAt) },
              {
                header: t.console.acknowledgedBy,
                cell: (a) => a.acknowledgements.map((x) => x.displayName).join(', ') || t.console.nobodyYet,
              },
              {
                header: t.console.responseTime,
                cell: (a) =>
                  a.acknowledgedAt
                    ? formatDuration(lang, Date.parse(a.acknowledgedAt) - Date.parse(a.raisedAt))
                    : t.incidents.none,
              },
              { header: t.console.closedAt, cell: (a) => (a.closedAt ? formatTime(lang, a.closedAt) : '') },
            ]}
          />
        </section>
      ) : null}
    </>
  );
};
