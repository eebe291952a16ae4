/**
 * The panic view for a phone or tablet: start a conversation, then one large alarm button per
 * room the employee is in. In silent mode nothing on the screen changes after a press (no text,
 * no live region, no busy state), so the resident cannot see that an alarm went out; responders
 * still receive it. Otherwise the view confirms the alarm and shows who is coming ("Jeroen Bakker
 * komt eraan") once a responder acknowledges, from GET /api/alarms/mine.
 */
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import {
  api,
  type Conversation,
  type MyAlarm,
  type RaiseResult,
  type RoomPolicyView,
  type RoomStatus,
} from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { problemText, requireFields, useFormState, useLoad } from '../hooks.js';
import { formatTime, useI18n } from '../i18n/index.js';
import { useRegistry, type Registry } from '../registry.js';
import { useSession } from '../session.js';

const SILENT_KEY = 'proportio.silent';
/** The room this device last started a conversation in (a tablet usually stays in one room). */
const ROOM_KEY = 'proportio.room';
/**
 * How often the view asks whether a responder is coming, only while its alarm is open. Polling
 * rather than the responders' SSE stream: that stream fans out per site to responders, and a
 * tablet on flaky Wi-Fi gets a correct answer on the next poll without reconnect logic
 * (docs/alarms.md, "Polling, not SSE").
 */
export const ALARM_STATUS_POLL_MS = 2000;

type Phase = 'sent' | 'coming' | 'closed';
interface Raised {
  readonly alarmId: string;
  readonly incidentId: string;
  readonly phase: Phase;
  readonly who: readonly string[];
}

const readStored = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};

const store = (key: string, value: string): void => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page.
  }
};

const readSilent = (): boolean => readStored(SILENT_KEY) === '1';

const StartConversationForm = ({
  registry,
  busyRooms,
  onStarted,
}: {
  readonly registry: Registry;
  readonly busyRooms: readonly string[];
  readonly onStarted: () => void;
}) => {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const mySites = me.user.siteIds;
  const rooms = registry.rooms.filter((r) => mySites.length === 0 || mySites.includes(r.siteId));
  // Never a silent default: the room this device chose before, if it is free, or an explicit choice.
  const [roomId, setRoomId] = useState(() => {
    const remembered = readStored(ROOM_KEY);
    return rooms.some((r) => r.id === remembered && !busyRooms.includes(r.id)) ? (remembered ?? '') : '';
  });
  const [typeId, setTypeId] = useState(registry.types[0]?.id ?? '');
  const [risk, setRisk] = useState(false);
  const [reason, setReason] = useState('');
  const form = useFormState(
    {
      roomId: 'conv-room',
      conversationTypeId: 'conv-type',
      riskFlag: 'conv-risk',
      riskReason: 'conv-risk-reason',
    },
    {
      'conv-room': t.panic.room,
      'conv-type': t.panic.kind,
      'conv-risk': t.panic.riskFlag,
      'conv-risk-reason': t.panic.riskReason,
    },
  );
  const start = () =>
    void form
      .submit(
        requireFields(
          t,
          { 'conv-room': roomId, ...(risk ? { 'conv-risk-reason': reason } : {}) },
          { 'conv-room': t.choose.room },
        ),
        async () => {
          await api.post<Conversation>('/api/conversations', {
            roomId,
            conversationTypeId: typeId,
            ...(risk ? { riskFlag: true, riskReason: reason.trim() } : {}),
          });
        },
      )
      .then((ok) => {
        if (!ok) return;
        store(ROOM_KEY, roomId);
        setRisk(false);
        setReason('');
        onStarted();
      });
  return (
    <FormSection title={t.panic.startTitle} form={form} onSubmit={start} submitLabel={t.panic.start}>
      <SelectField
        id="conv-room"
        label={t.panic.room}
        placeholder={t.panic.chooseRoom}
        value={roomId}
        onChange={setRoomId}
        options={rooms.map((r) => ({
          value: r.id,
          label: busyRooms.includes(r.id)
            ? t.panic.roomBusy(registry.roomLabel(r.id))
            : registry.roomLabel(r.id),
        }))}
        error={form.errors.fields['conv-room']}
      />
      <SelectField
        id="conv-type"
        label={t.panic.kind}
        description={t.panic.kindHint}
        value={typeId}
        onChange={setTypeId}
        options={registry.types.map((c) => ({ value: c.id, label: lang === 'nl' ? c.nameNl : c.nameEn }))}
        error={form.errors.fields['conv-type']}
      />
      <CheckboxField
        id="conv-risk"
        label={t.panic.riskFlag}
        description={t.panic.riskFlagHint}
        checked={risk}
        onChange={setRisk}
        error={form.errors.fields['conv-risk']}
      />
      {risk ? (
        <TextField
          id="conv-risk-reason"
          label={t.panic.riskReason}
          description={t.panic.riskReasonHint}
          value={reason}
          onChange={setReason}
          required
          maxLength={500}
          autoComplete="off"
          error={form.errors.fields['conv-risk-reason']}
        />
      ) : null}
    </FormSection>
  );
};

const phaseOf = (a: MyAlarm): Phase =>
  a.state === 'closed' ? 'closed' : a.acknowledgements.length > 0 || a.acknowledgedAt ? 'coming' : 'sent';

const raisedOf = (a: MyAlarm): Raised => ({
  alarmId: a.id,
  incidentId: a.incidentId,
  phase: phaseOf(a),
  who: a.acknowledgements.map((x) => x.displayName),
});

/** My own alarm as the server sees it now (GET /api/alarms/mine, permission alarms:raise). */
const alarmStatus = async (raised: Raised): Promise<Raised> => {
  const mine = await api.get<MyAlarm[]>('/api/alarms/mine');
  const a = mine.find((x) => x.id === raised.alarmId);
  // Gone from the list: closed longer ago than the server's window.
  return a ? raisedOf(a) : { ...raised, phase: 'closed' };
};

/**
 * "Bezwaar tegen opname": shown only when the room's policy records this kind of conversation;
 * one press switches recording off for the running conversation (EDPB 3/2019 §105–106).
 */
const ObjectionButton = ({
  conversation,
  roomName,
}: {
  readonly conversation: Conversation;
  readonly roomName: string;
}) => {
  const { t } = useI18n();
  const policy = useLoad(
    () =>
      api.get<RoomPolicyView>(
        `/api/rooms/${conversation.roomId}/policy?conversationType=${conversation.conversationTypeId}`,
      ),
    [conversation.roomId, conversation.conversationTypeId],
  );
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const decision = policy.data?.decisions.find(
    (d) => d.conversationTypeId === conversation.conversationTypeId,
  );
  if (!decision || decision.decision.mode.kind === 'off') return null;
  const object = () => {
    setState('busy');
    api.post('/api/recording/objections', { roomId: conversation.roomId }).then(
      () => setState('done'),
      (e: unknown) => {
        setState('idle');
        setError(problemText(t, e));
      },
    );
  };
  const hintId = `objection-hint-${conversation.id}`;
  return (
    <div className="pp-objection">
      <Paragraph id={hintId} appearance="small">
        {t.panic.objectionHint}
      </Paragraph>
      <Button
        appearance="secondary-action-button"
        onClick={object}
        disabled={state !== 'idle'}
        aria-describedby={hintId}
        aria-label={`${t.panic.objection} — ${roomName}`}
      >
        {t.panic.objection}
      </Button>
      <div role="status">{state === 'done' ? <Paragraph>{t.panic.objectionDone}</Paragraph> : null}</div>
      {error ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
};

const RoomPanel = ({
  conversation,
  registry,
  silent,
  focusOnMount,
  onEnded,
}: {
  readonly conversation: Conversation;
  readonly registry: Registry;
  readonly silent: boolean;
  /** Just started here: the alarm button takes the focus, where the user's next action is (WCAG 2.4.3). */
  readonly focusOnMount: boolean;
  readonly onEnded: () => void;
}) => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [raised, setRaised] = useState<Raised | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const room = registry.rooms.find((r) => r.id === conversation.roomId);
  const roomName = room?.name ?? conversation.roomId;
  const headingId = `room-${conversation.id}`;
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) button.current?.focus();
    // Only when the panel appears.
  }, []);

  const press = () => {
    setFailure(null);
    api.post<RaiseResult>('/api/alarms', { roomId: conversation.roomId, silent }).then(
      (r) => {
        // Silent: remember nothing that could show; the responders have it.
        if (!silent)
          setRaised({ alarmId: r.alarm.id, incidentId: r.alarm.incidentId, phase: 'sent', who: [] });
      },
      (e: unknown) => setFailure(`${t.panic.failed} ${problemText(t, e)}`),
    );
  };

  // After a reload during an alarm: pick up my open alarm in this room (never a silent one).
  useEffect(() => {
    if (silent) return;
    let live = true;
    api.get<MyAlarm[]>('/api/alarms/mine').then(
      (mine) => {
        const open = mine.find((a) => a.roomId === conversation.roomId && a.state !== 'closed' && !a.silent);
        if (live && open) setRaised((cur) => cur ?? raisedOf(open));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Once per room panel: later changes come from the press and the poll below.
  }, [conversation.roomId]);

  useEffect(() => {
    if (!raised || raised.phase === 'closed' || silent) return;
    let live = true;
    const timer = window.setInterval(() => {
      alarmStatus(raised).then(
        (next) => {
          if (live && (next.phase !== raised.phase || next.who.length !== raised.who.length)) setRaised(next);
        },
        () => undefined,
      );
    }, ALARM_STATUS_POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [raised, silent]);

  const end = () => {
    setEnding(true);
    api.post<Conversation>(`/api/conversations/${conversation.id}/end`).then(
      () => onEnded(),
      (e: unknown) => {
        setEnding(false);
        setFailure(problemText(t, e));
      },
    );
  };

  const statusText =
    raised === null
      ? null
      : raised.phase === 'sent'
        ? t.panic.sent
        : raised.phase === 'coming'
          ? t.panic.coming(raised.who)
          : t.panic.closed;

  return (
    <section aria-labelledby={headingId} className="pp-room-panel">
      <Heading3 id={headingId}>{roomName}</Heading3>
      <Paragraph>
        {registry.typeName(conversation.conversationTypeId)} ·{' '}
        {t.panic.since(formatTime(lang, conversation.startedAt))}
      </Paragraph>
      <Button
        ref={button}
        appearance="primary-action-button"
        className="pp-panic-button"
        onClick={press}
        aria-describedby="panic-hint"
      >
        {t.panic.alarmButton(roomName)}
      </Button>
      {/* Not rendered at all in silent mode: no live region can then announce anything. */}
      {silent ? null : (
        <div role="alert" className="pp-panic-status">
          {statusText ? (
            <Alert type={raised?.phase === 'closed' ? 'info' : 'warning'} role="presentation">
              <Paragraph>{statusText}</Paragraph>
              {raised?.phase === 'closed' && can('incidents:report') ? (
                <Paragraph>
                  <AppLink href="/incidents/report">{t.panic.reportLink}</AppLink>
                </Paragraph>
              ) : null}
            </Alert>
          ) : null}
        </div>
      )}
      {failure ? (
        <Alert type="error">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      {can('recording:object') ? <ObjectionButton conversation={conversation} roomName={roomName} /> : null}
      {can('conversations:write') ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={end} disabled={ending}>
            {t.panic.end(roomName)}
          </Button>
        </ButtonGroup>
      ) : null}
    </section>
  );
};

export const PanicPage = () => {
  const { t } = useI18n();
  const { can } = useSession();
  const reg = useRegistry();
  const mine = useLoad(() => api.get<Conversation[]>('/api/conversations/mine'), []);
  const states = useLoad(
    () => (can('rooms:status') ? api.get<RoomStatus[]>('/api/room-states') : Promise.resolve([])),
    [],
  );
  const [silent, setSilentState] = useState(readSilent);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const setSilent = (on: boolean) => {
    setSilentState(on);
    store(SILENT_KEY, on ? '1' : '0');
  };
  const conversations = (mine.data ?? []).filter((c) => c.endedAt === null);
  const busy = (states.data ?? []).filter((s) => s.state !== 'free').map((s) => s.roomId);
  // After a start, the new conversation's alarm button takes the focus; after an end, the list's heading.
  const [focus, setFocus] = useState<'new-conversation' | 'running' | null>(null);
  const running = useRef<HTMLHeadingElement>(null);
  const newest = conversations.reduce<Conversation | undefined>(
    (a, c) => (a === undefined || c.startedAt > a.startedAt ? c : a),
    undefined,
  );
  useEffect(() => {
    if (focus === 'running' && !mine.loading) {
      running.current?.focus();
      setFocus(null);
    }
  }, [focus, mine.loading]);
  const reload = (text: string, next: 'new-conversation' | 'running') => () => {
    setNotice(text);
    setFocus(next);
    mine.reload();
    states.reload();
  };

  // The alarm comes first: on a phone the running conversation and its button fill the first screen.
  // Without one, starting a conversation (room, kind, start) comes first; the settings come last.
  const runningSection = (
    <section aria-labelledby="panic-running">
      <Heading2 id="panic-running" ref={running} tabIndex={-1}>
        {t.panic.running}
      </Heading2>
      {mine.data && reg.data && conversations.length === 0 ? <Paragraph>{t.panic.none}</Paragraph> : null}
      {reg.data
        ? conversations.map((c) => (
            <RoomPanel
              key={c.id}
              conversation={c}
              registry={reg.registry}
              silent={silent}
              focusOnMount={focus === 'new-conversation' && c.id === newest?.id}
              onEnded={reload(t.panic.ended, 'running')}
            />
          ))
        : null}
      <Paragraph id="panic-hint" appearance="small">
        {t.panic.alarmHint}
      </Paragraph>
    </section>
  );
  const startSection =
    can('conversations:write') && reg.data && states.data ? (
      <>
        <Paragraph>{t.panic.intro}</Paragraph>
        <StartConversationForm
          key={busy.join()}
          registry={reg.registry}
          busyRooms={busy}
          onStarted={reload(t.panic.started, 'new-conversation')}
        />
      </>
    ) : null;
  const runningFirst = conversations.length > 0 || !can('conversations:write');
  return (
    <div className="pp-panic">
      <PageTitle>{t.panic.title}</PageTitle>
      <Notice text={notice} />
      {mine.loading && !mine.data ? <Loading /> : null}
      {mine.error ? <LoadError error={mine.error} /> : null}
      {reg.error ? <LoadError error={reg.error} /> : null}
      {runningFirst ? runningSection : startSection}
      {runningFirst ? startSection : runningSection}
      <section aria-labelledby="panic-settings">
        <Heading2 id="panic-settings">{t.panic.settings}</Heading2>
        <CheckboxField
          id="panic-silent"
          label={t.panic.silent}
          description={t.panic.silentHint}
          checked={silent}
          onChange={setSilent}
        />
      </section>
    </div>
  );
};
