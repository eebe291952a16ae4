/**
 * The staff-alarm capability: conversations, alarm buttons (web, MQTT, API), live delivery to
 * responders, escalation and the incident register. Wires store → services → routes, subscribes
 * the SSE hub, MQTT and the webhook to the domain events the services emit, and runs the MQTT
 * side and the escalation timer between start/stop.
 */
import type { FastifyInstance } from 'fastify';
import { alarmTopic } from '../core/alarm/events.js';
import { alarmNotice, NOTICE_EVENTS } from '../adapters/mqtt/alarm-notice.js';
import { createAlarmWebhook, type AlarmWebhook } from '../adapters/mqtt/alarm-webhook.js';
import { createEmbeddedBroker } from '../adapters/mqtt/embedded-broker.js';
import { createExternalClient, PRESS_SHARE_GROUP } from '../adapters/mqtt/external-client.js';
import type { AlarmMqtt, MqttHandlers } from '../adapters/mqtt/mqtt-types.js';
import { createAlarmStore } from '../adapters/db/repositories/alarm-store.js';
import { alarmRoutes } from '../http/routes/alarms/alarms.routes.js';
import { incidentRoutes } from '../http/routes/incidents/incidents.routes.js';
import { deviceService, type DeviceService } from '../services/alarm-device.service.js';
import { alarmService, type AlarmService } from '../services/alarm.service.js';
import { conversationService, type ConversationService } from '../services/conversation.service.js';
import { incidentService, type IncidentService } from '../services/incident.service.js';
import { histogram, metricFamily } from '../core/metrics/prometheus.js';
import { createAlarmHub, HUB_EVENTS, toHubMessage, type AlarmHub } from '../workers/alarm-hub.js';
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

export interface AlarmModule extends ProportioModule {
  readonly services: {
    readonly alarms: AlarmService;
    readonly conversations: ConversationService;
    readonly incidents: IncidentService;
    readonly devices: DeviceService;
  };
  readonly hub: AlarmHub;
  /** The embedded MQTT listener's port once started (tests use port 0). */
  mqttPort(): number | undefined;
  mqttCounters(): AlarmMqtt['counters'] | undefined;
}

/** Alarm delivery is meant to take well under a second; the tail shows a struggling instance. */
const DELIVERY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

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

  const { events } = ctx;
  // Browsers first (subscribed first): the hub writes to every stream synchronously, without waiting on any.
  // From the raise (its time in the database) to this instance handing the alarm on: on another
  // instance than the raising one this includes the trip through PostgreSQL NOTIFY.
  const delivery = histogram(
    'proportio_alarm_delivery_seconds',
    'Seconds from an alarm being raised to this instance writing it to the open browser streams (sse) or to MQTT (mqtt).',
    DELIVERY_BUCKETS,
  );
  const delivered = (channel: string, e: { type: string; alarm?: { raisedAt: string } }) => {
    if (e.type === 'alarm.raised' && e.alarm)
      delivery.observe({ channel }, (clock.now().getTime() - Date.parse(e.alarm.raisedAt)) / 1000);
  };
  events.subscribe(HUB_EVENTS, (e, from) => {
    hub.publish(toHubMessage(e), from);
    if (hub.stats().clients > 0) delivered('sse', e);
  });
  // Building systems hear each event once: from the instance where it happened (ADR 0017).
  events.subscribe(
    NOTICE_EVENTS,
    (e) => {
      const notice = alarmNotice(e);
      if (mqtt) {
        mqtt.publish(alarmTopic(prefix, e.alarm.siteId, e.alarm.roomId), JSON.stringify(notice));
        delivered('mqtt', e);
      }
      webhook?.publish(notice);
    },
    { emittedHere: true },
  );
  ctx.metrics?.add(async () =>
    Promise.resolve(
      metricFamily(
        'proportio_alarm_streams_connected',
        'gauge',
        'Browser alarm streams (SSE) open on this instance.',
        [[{}, hub.stats().clients]],
      ) + delivery.render(),
    ),
  );

  const alarms = alarmService({ store, clock, ids, events, limits: ctx.cluster.limits, topicPrefix: prefix });
  const conversations = conversationService({ store, clock, ids, events });
  const incidents = incidentService({ store, clock, ids });
  const devices = deviceService({ store, clock, ids });

  const handlers: MqttHandlers = {
    authenticate: async (deviceId, token) => {
      const r = await devices.authenticate(deviceId, token);
      return r.ok ? { id: r.value.id, kind: r.value.kind } : undefined;
    },
    press: async (topic, payload, authenticatedDeviceId) => {
      const answer = await alarms.buttonMessage(topic, payload, authenticatedDeviceId);
      if (!answer.result.ok)
        log.warn(
          {
            code: answer.result.code,
            reason: answer.result.message,
            topic: topic.slice(0, 200),
            bytes: payload.length,
          },
          'mqtt press refused',
        );
      return answer;
    },
  };

  let timer: NodeJS.Timeout | undefined;
  let offResync: (() => void) | undefined;
  let sweeping = false;
  const sweep = () => {
    // One instance escalates (compose/cluster.ts); the others hear it as an event.
    if (sweeping || !ctx.cluster.isLeader()) return;
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
          // Several instances share the presses: the broker hands each to one of them (ADR 0017).
          shareGroup: ctx.cluster.instance.alone ? undefined : PRESS_SHARE_GROUP,
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
      // Alarms raised on another instance while this one was deaf: every stream starts over from a snapshot.
      offResync = ctx.cluster.onResync(() => hub.endStreams());
    },
    stop: async () => {
      offResync?.();
      offResync = undefined;
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
