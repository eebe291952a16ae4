/** Builds what responders see of an alarm (room, floor, kind of conversation, who is coming). */
import type { AlarmView } from '../core/alarm/events.js';
import type { Alarm } from '../core/alarm/model.js';
import type { AlarmRepositories } from './alarm-ports.js';

export const alarmViews = async (
  repos: AlarmRepositories,
  alarms: readonly Alarm[],
): Promise<AlarmView[]> => {
  if (alarms.length === 0) return [];
  const acks = await repos.alarms.acknowledgements(alarms.map((a) => a.id));
  const names = new Map<string, string>();
  const nameOf = async (userId: string): Promise<string> => {
    let n = names.get(userId);
    if (n === undefined) {
      n = (await repos.users.get(userId))?.displayName ?? 'onbekend';
      names.set(userId, n);
    }
    return n;
  };
  const out: AlarmView[] = [];
  for (const a of alarms) {
    const [site, room, type, conversation] = await Promise.all([
      repos.sites.get(a.siteId),
      repos.rooms.get(a.roomId),
      a.conversationTypeId ? repos.conversationTypes.get(a.conversationTypeId) : Promise.resolve(undefined),
      a.conversationId ? repos.conversations.get(a.conversationId) : Promise.resolve(undefined),
    ]);
    const mine = acks.filter((k) => k.alarmId === a.id);
    const acknowledgements = [];
    for (const k of mine)
      acknowledgements.push({ userId: k.userId, displayName: await nameOf(k.userId), at: k.at });
    out.push({
      id: a.id,
      state: a.state,
      siteId: a.siteId,
      siteName: site?.name ?? '',
      roomId: a.roomId,
      roomName: room?.name ?? '',
      floor: room?.floor ?? '',
      conversationId: a.conversationId,
      conversationType: type
        ? { id: type.id, code: type.code, nameNl: type.nameNl, nameEn: type.nameEn }
        : null,
      riskFlag: conversation?.riskFlag ?? false,
      source: a.source,
      raisedBy: a.raisedBy ? { userId: a.raisedBy, displayName: await nameOf(a.raisedBy) } : null,
      deviceId: a.deviceId,
      silent: a.silent,
      raisedAt: a.raisedAt,
      lastPressAt: a.lastPressAt,
      pressCount: a.pressCount,
      acknowledgedAt: a.acknowledgedAt,
      acknowledgements,
      escalatedAt: a.escalatedAt,
      closedAt: a.closedAt,
      closedBy: a.closedBy,
      incidentId: a.incidentId,
    });
  }
  return out;
};
