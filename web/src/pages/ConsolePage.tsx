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
import { useCallback, useEffect, useState } from 'react';
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

const AlarmCard = ({
  alarm,
  onError,
}: {
  readonly alarm: AlarmView;
  readonly onError: (text: string) => void;
}) => {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const mine = alarm.acknowledgements.some((a) => a.userId === me.user.id);
  const act = (what: 'acknowledge' | 'close') => {
    setBusy(true);
    api.post<AlarmView>(`/api/alarms/${alarm.id}/${what}`).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        onError(problemText(t, e));
      },
    );
  };
  const headingId = `alarm-${alarm.id}`;
  const kind = alarm.conversationType
    ? lang === 'nl'
      ? alarm.conversationType.nameNl
      : alarm.conversationType.nameEn
    : t.console.unknownKind;
  return (
    <article aria-labelledby={headingId} className="pp-alarm-card">
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
      <DataList appearance="rows" className="pp-datalist">
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
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          className="pp-ack-button"
          disabled={busy || mine}
          onClick={() => act('acknowledge')}
          aria-label={t.console.acknowledgeRoom(alarm.roomName)}
        >
          {t.console.acknowledge}
        </Button>
        <Button
          appearance="secondary-action-button"
          disabled={busy}
          onClick={() => act('close')}
          aria-label={t.console.closeRoom(alarm.roomName)}
        >
          {t.console.close}
        </Button>
      </ButtonGroup>
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

  return (
    <>
      <PageTitle>{t.console.title}</PageTitle>
      <Paragraph>{t.console.intro}</Paragraph>
      <Paragraph role="status" className="pp-stream-state">
        {stream.state === 'open'
          ? t.console.connected
          : stream.state === 'connecting'
            ? t.console.connecting
            : t.console.reconnecting}
      </Paragraph>
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
        <Heading2 id="console-open">{t.console.open}</Heading2>
        {stream.open.length === 0 ? <Paragraph>{t.console.noOpen}</Paragraph> : null}
        {stream.open.map((a) => (
          <AlarmCard key={a.id} alarm={a} onError={setError} />
        ))}
      </section>
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
                    ? formatDuration(Date.parse(a.acknowledgedAt) - Date.parse(a.raisedAt))
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
