/**
 * The staff-alarm capability: conversations, alarm buttons (web, MQTT, API), live delivery to
 * responders, escalation and the incident register. Wires store → services → hub, MQTT and
 * webhook fan-out → routes, and runs the MQTT side and the escalation timer between start/stop.
 */
import type { FastifyInstance } from 'fastify';
import { alarmTopic, type AlarmEvent, type RoomChangedEvent } from '../core/alarm/events.js';
import { parsePress } from '../core/alarm/press-payload.js';
import { createAlarmWebhook, type AlarmWebhook } from '../adapters/mqtt/alarm-webhook.js';
import { createEmbeddedBroker } from '../adapters/mqtt/embedded-broker.js';
import { createExternalClient } from '../adapters/mqtt/external-client.js';
import type { AlarmMqtt, MqttHandlers } from '../adapters/mqtt/mqtt-types.js';
import { createAlarmStore } from '../adapters/db/repositories/alarm-store.js';
import { alarmRoutes } from '../http/routes/alarms/alarms.routes.js';
import { incidentRoutes } from '../http/routes/incidents/incidents.routes.js';
import { deviceService } from '../services/alarm-device.service.js';
import type { AlarmEventSink } from '../services/alarm-ports.js';
import { alarmService } from '../services/alarm.service.js';
import { conversationService } from '../services/conversation.service.js';
import { incidentService } from '../services/incident.service.js';
import { createAlarmHub, toHubMessage } from '../workers/alarm-hub.js';
import type { HealthItem, ModuleContext, ProportioModule } from './module.js';

/** Tunables without an environment variable yet (config.ts is the lead's); sensible fixed values. */
export const ALARM_DEFAULTS = {
  escalationTickMs: 1000,
  heartbeatMs: 15_000,
  /** How often an open alarm stream re-checks its session: logout, disabling or a role change ends it. */
  streamRevalidateMs: 15_000,
  streamBufferBytes: 1024 * 1024,
  webhookTimeoutMs: 3000,
} as const;

/** What the MQTT side and the webhook receive for an alarm event (no names, no resident data). */
export const externalPayload = (e: AlarmEvent) => ({
  event: e.type.replace('alarm.', ''),
  at: e.at,
  alarmId: e.alarm.id,
  state: e.alarm.state,
  siteId: e.alarm.siteId,
  siteName: e.alarm.siteName,
  roomId: e.alarm.roomId,
  roomName: e.alarm.roomName,
  floor: e.alarm.floor,
  conversationType: e.alarm.conversationType?.code ?? null,
  // A silent alarm must not light anything up inside the room.
  silent: e.alarm.silent,
  raisedAt: e.alarm.raisedAt,
  acknowledgements: e.alarm.acknowledgements.length,
  escalated: e.alarm.escalatedAt !== null,
});

export interface AlarmModule extends ProportioModule {
  readonly services: {
    readonly alarms: ReturnType<typeof alarmService>;
    readonly conversations: ReturnType<typeof conversationService>;
    readonly incidents: ReturnType<typeof incidentService>;
    readonly devices: ReturnType<typeof deviceService>;
  };
  readonly hub: ReturnType<typeof createAlarmHub>;
  /** The embedded MQTT listener's port once started (tests use port 0). */
  mqttPort(): number | undefined;
  mqttCounters(): AlarmMqtt['counters'] | undefined;
}

export const createAlarmModule = (ctx: ModuleContext): AlarmModule => {
  const { config, clock, ids } = ctx;
  const log = ctx.log.child({ component: 'alarm' });
  // The composition root's own handle: alarm changes and their audit entries share its transactions.
  const store = createAlarmStore(ctx.database);

  const hub = createAlarmHub({
    log,
    heartbeatMs: ALARM_DEFAULTS.heartbeatMs,
    maxBufferBytes: ALARM_DEFAULTS.streamBufferBytes,
  });
  let mqtt: AlarmMqtt | undefined;
  let webhook: AlarmWebhook | undefined;
  const prefix = config.mqtt.topicPrefix;

  // The recorder (and others) learn of alarms through the domain event bus, after the commit.
  const tellOtherCapabilities = (e: AlarmEvent | RoomChangedEvent) => {
    if (e.type === 'alarm.raised') {
      const a = e.alarm;
      ctx.events.emit('alarm.raised', {
        alarmId: a.id,
        incidentId: a.incidentId,
        siteId: a.siteId,
        roomId: a.roomId,
        conversationId: a.conversationId,
        at: a.raisedAt,
      });
    } else if (e.type === 'alarm.joined') {
      const a = e.alarm;
      ctx.events.emit('alarm.joined', {
        alarmId: a.id,
        incidentId: a.incidentId,
        siteId: a.siteId,
        roomId: a.roomId,
        conversationId: a.conversationId,
        at: a.lastPressAt,
      });
    } else if (e.type === 'alarm.closed') {
      ctx.events.emit('alarm.closed', {
        alarmId: e.alarm.id,
        roomId: e.alarm.roomId,
        at: e.alarm.closedAt ?? e.at,
      });
    }
  };

  const sink: AlarmEventSink = {
    publish(e: AlarmEvent | RoomChangedEvent) {
      // Browsers first: the hub writes to every stream synchronously, without waiting on any.
      hub.publish(toHubMessage(e));
      tellOtherCapabilities(e);
      if (e.type === 'room.changed' || e.type === 'alarm.joined') return;
      const body = externalPayload(e);
      mqtt?.publish(alarmTopic(prefix, e.alarm.siteId, e.alarm.roomId), JSON.stringify(body));
      webhook?.publish(body);
    },
  };

  const alarms = alarmService({ store, clock, ids, sink });
  const conversations = conversationService({
    store,
    clock,
    ids,
    sink,
    onStarted: (c) =>
      ctx.events.emit('conversation.started', {
        conversationId: c.id,
        siteId: c.siteId,
        roomId: c.roomId,
        conversationTypeId: c.conversationTypeId,
        startedAt: c.startedAt,
      }),
    onEnded: (c) =>
      ctx.events.emit('conversation.ended', {
        conversationId: c.id,
        roomId: c.roomId,
        at: c.endedAt ?? clock.now().toISOString(),
      }),
  });
  const incidents = incidentService({ store, clock, ids });
  const devices = deviceService({ store, clock, ids });

  const handlers: MqttHandlers = {
    authenticate: async (deviceId, token) => {
      const r = await devices.authenticate(deviceId, token);
      return r.ok ? { id: r.value.id, kind: r.value.kind } : undefined;
    },
    press: async (topic, payload, authenticatedDeviceId) => {
      const msg = parsePress(prefix, topic, payload);
      if (!msg.ok) {
        if (mqtt) mqtt.counters.malformed++;
        log.warn(
          {
            code: msg.error.code,
            reason: msg.error.message,
            topic: topic.slice(0, 200),
            bytes: payload.length,
          },
          'mqtt press refused',
        );
        const deviceId =
          typeof msg.error.details?.deviceId === 'string'
            ? msg.error.details.deviceId
            : authenticatedDeviceId;
        return { deviceId, result: { ok: false, code: msg.error.code, message: msg.error.message } };
      }
      const r = await alarms.press(msg.value, { requireToken: authenticatedDeviceId === undefined });
      if (!r.ok) {
        if (mqtt && r.error.code !== 'ALARM.RATE_LIMITED') mqtt.counters.rejected++;
        log.warn({ code: r.error.code, deviceId: msg.value.deviceId }, 'mqtt press not raised');
        // Never answer an unauthenticated sender with details about another device.
        const answer =
          r.error.code === 'DEVICE.UNKNOWN' || r.error.code === 'DEVICE.BAD_TOKEN'
            ? undefined
            : msg.value.deviceId;
        return { deviceId: answer, result: { ok: false, code: r.error.code, message: r.error.message } };
      }
      return {
        deviceId: msg.value.deviceId,
        result: { ok: true, alarmId: r.value.alarm.id, joined: r.value.joined, state: r.value.alarm.state },
      };
    },
  };

  let timer: NodeJS.Timeout | undefined;
  let sweeping = false;
  const sweep = () => {
    if (sweeping) return;
    sweeping = true;
    alarms
      .sweepEscalations()
      .catch((e: unknown) => log.error({ err: (e as Error).message }, 'escalation sweep failed'))
      .finally(() => {
        sweeping = false;
      });
  };

  return {
    name: 'alarm',
    services: { alarms, conversations, incidents, devices },
    hub,
    mqttPort: () => mqtt?.port(),
    mqttCounters: () => mqtt?.counters,
    routes: async (app: FastifyInstance) => {
      await app.register(alarmRoutes, {
        alarms,
        conversations,
        devices,
        hub,
        topicPrefix: prefix,
        streamRevalidateMs: ALARM_DEFAULTS.streamRevalidateMs,
      });
      await app.register(incidentRoutes, { incidents });
    },
    start: async () => {
      if (config.alarmWebhookUrl)
        webhook = createAlarmWebhook({
          url: config.alarmWebhookUrl,
          log,
          timeoutMs: ALARM_DEFAULTS.webhookTimeoutMs,
        });
      if (config.mqtt.url) {
        mqtt = createExternalClient({
          url: config.mqtt.url,
          username: config.mqtt.username,
          password: config.mqtt.password,
          prefix,
          log,
          handlers,
        });
      } else if (config.mqtt.listenPort >= 0) {
        mqtt = createEmbeddedBroker({
          host: config.mqtt.listenHost,
          port: config.mqtt.listenPort,
          prefix,
          log,
          handlers,
        });
      }
      await mqtt?.start();
      timer = setInterval(sweep, ALARM_DEFAULTS.escalationTickMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      const m = mqtt;
      mqtt = undefined;
      await m?.stop();
      hub.closeAll();
    },
    // The adapters attach the codes themselves (docs/operations.md).
    health: (): HealthItem[] => [...(mqtt?.health() ?? []), ...(webhook?.health() ?? [])],
  };
};
