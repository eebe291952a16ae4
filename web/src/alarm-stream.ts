/**
 * The responder's live alarm feed over server-sent events (GET /api/alarms/stream). The browser's
 * EventSource reconnects by itself and sends Last-Event-ID; the server answers every (re)connect
 * with a snapshot of the open alarms, so alarms raised while the connection was down still show.
 */
import { useEffect, useRef, useState } from 'react';
import type { AlarmEvent, AlarmView } from './api.js';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface AlarmStream {
  readonly state: StreamState;
  /** Open alarms by id, in the order they were raised. */
  readonly open: readonly AlarmView[];
  /** Alarms closed while this page was open, newest first. */
  readonly closed: readonly AlarmView[];
  /** Bumped on every room.changed event, so room states can reload. */
  readonly roomTick: number;
  /** Open alarms that appeared in a snapshot after a reconnect (missed while disconnected). */
  readonly missed: number;
}

export interface AlarmStreamHandlers {
  /** A new alarm (live, or found in a snapshot): sound and announce it. */
  readonly onNewAlarm: (alarm: AlarmView) => void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const parse = (data: unknown): unknown => {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as unknown) : undefined;
  } catch {
    return undefined;
  }
};
const isAlarm = (v: unknown): v is AlarmView =>
  isRecord(v) && typeof v.id === 'string' && typeof v.state === 'string' && typeof v.roomName === 'string';

const byRaised = (a: AlarmView, b: AlarmView) => a.raisedAt.localeCompare(b.raisedAt);

export const useAlarmStream = (handlers: AlarmStreamHandlers): AlarmStream => {
  const [state, setState] = useState<StreamState>('connecting');
  const [open, setOpen] = useState<ReadonlyMap<string, AlarmView>>(new Map());
  const [closed, setClosed] = useState<readonly AlarmView[]>([]);
  const [roomTick, setRoomTick] = useState(0);
  const [missed, setMissed] = useState(0);
  const seen = useRef(new Set<string>());
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const source = new EventSource('/api/alarms/stream');
    let connectedBefore = false;

    const announce = (a: AlarmView) => {
      if (seen.current.has(a.id)) return false;
      seen.current.add(a.id);
      handlersRef.current.onNewAlarm(a);
      return true;
    };

    source.onopen = () => setState('open');
    source.onerror = () => setState('reconnecting');

    source.addEventListener('alarms.snapshot', (e: MessageEvent) => {
      const body = parse(e.data);
      const list = isRecord(body) && Array.isArray(body.alarms) ? body.alarms.filter(isAlarm) : [];
      let fresh = 0;
      for (const a of list) if (announce(a)) fresh++;
      if (connectedBefore && fresh > 0) setMissed(fresh);
      connectedBefore = true;
      setState('open');
      setOpen(new Map(list.filter((a) => a.state !== 'closed').map((a) => [a.id, a])));
      setRoomTick((n) => n + 1);
    });

    const onAlarmEvent = (e: MessageEvent) => {
      const body = parse(e.data);
      if (!isRecord(body) || !isAlarm(body.alarm)) return;
      const ev = body as unknown as AlarmEvent;
      const alarm = ev.alarm;
      if (alarm.state === 'closed') {
        setOpen((m) => {
          const next = new Map(m);
          next.delete(alarm.id);
          return next;
        });
        setClosed((c) => [alarm, ...c.filter((x) => x.id !== alarm.id)].slice(0, 20));
        return;
      }
      announce(alarm);
      setOpen((m) => new Map(m).set(alarm.id, alarm));
    };
    for (const type of [
      'alarm.raised',
      'alarm.joined',
      'alarm.acknowledged',
      'alarm.escalated',
      'alarm.closed',
    ])
      source.addEventListener(type, onAlarmEvent);
    source.addEventListener('room.changed', () => setRoomTick((n) => n + 1));

    return () => source.close();
  }, []);

  return { state, open: [...open.values()].sort(byRaised), closed, roomTick, missed };
};
