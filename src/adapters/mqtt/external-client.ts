/**
 * Proportio as a client of an external broker (e.g. Mosquitto on the same machine): it
 * subscribes to the buttons' press topics and publishes alarm events. While the broker is away
 * it retries with a growing delay (1 s doubling to 30 s), shows a health warning, and alarms
 * keep reaching browsers over SSE; QoS 1 events are queued and sent after reconnecting.
 *
 * With several instances on one PostgreSQL each subscribes to the press topics as a member of one
 * shared subscription (`$share/<group>/…`, MQTT 5; Mosquitto ≥ 1.6 honours it for every protocol
 * version): the broker gives each press to one member, so a press is handled once (ADR 0017).
 */
import { connect, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { pressSubscription, resultTopic } from '../../core/alarm/press-payload.js';
import type { HealthItem } from '../../core/health.js';
import { redactUrl } from '../db/connection.js';
import type { AlarmMqtt, MqttHandlers } from './mqtt-types.js';

export interface ExternalClientOptions {
  readonly url: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly prefix: string;
  /** Subscribe to the presses in this shared-subscription group (several instances); a plain subscription when unset. */
  readonly shareGroup?: string | undefined;
  readonly log: Logger;
  readonly handlers: MqttHandlers;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** The share group every Proportio instance joins: one deployment per topic prefix, so one group suffices. */
export const PRESS_SHARE_GROUP = 'proportio';

export const createExternalClient = (opts: ExternalClientOptions): AlarmMqtt => {
  const { prefix, log, handlers } = opts;
  const minBackoff = opts.minBackoffMs ?? 1000;
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  const where = redactUrl(opts.url);
  const counters = { received: 0, malformed: 0, rejected: 0, published: 0 };
  let client: MqttClient | undefined;
  let connected = false;
  let backoff = minBackoff;
  let lastError: string | undefined;

  return {
    counters,
    port: () => undefined,
    async start() {
      const c = connect(opts.url, {
        ...(opts.username ? { username: opts.username } : {}),
        ...(opts.password ? { password: opts.password } : {}),
        clientId: `proportio-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
        reconnectPeriod: minBackoff,
        connectTimeout: 5000,
        clean: true,
      });
      client = c;
      c.on('connect', () => {
        connected = true;
        backoff = minBackoff;
        c.options.reconnectPeriod = minBackoff;
        lastError = undefined;
        log.info({ broker: where }, 'mqtt broker connected');
        c.subscribe(pressSubscription(prefix, opts.shareGroup), { qos: 1 }, (e) => {
          if (e) log.error({ err: e.message }, 'mqtt subscribe to press topics failed');
        });
      });
      c.on('close', () => {
        if (connected) log.warn({ broker: where }, 'mqtt broker connection lost; retrying');
        connected = false;
        // mqtt.js reads reconnectPeriod each time it schedules a retry: grow it for the next one.
        c.options.reconnectPeriod = backoff;
        backoff = Math.min(maxBackoff, backoff * 2);
      });
      c.on('error', (e) => {
        lastError = e.message;
        log.warn({ broker: where, err: e.message }, 'mqtt broker error');
      });
      c.on('message', (topic, payload) => {
        counters.received++;
        handlers.press(topic, payload, undefined).then(
          ({ deviceId, result, counted }) => {
            if (counted) counters[counted]++;
            if (deviceId)
              c.publish(resultTopic(prefix, deviceId), JSON.stringify(result), { qos: 1, retain: false });
          },
          (e: unknown) => log.error({ err: (e as Error).message }, 'mqtt press failed'),
        );
      });
    },
    async stop() {
      const c = client;
      client = undefined;
      connected = false;
      if (c) await c.endAsync(true).catch(() => undefined);
    },
    publish(topic, payload) {
      if (!client) return;
      counters.published++;
      client.publish(topic, payload, { qos: 1, retain: false }, (e) => {
        if (e) log.warn({ topic, err: e.message }, 'mqtt publish failed');
      });
    },
    health(): readonly HealthItem[] {
      if (!client || connected) return [];
      return [
        {
          component: 'mqtt',
          status: 'warning',
          code: 'mqtt.broker-unreachable',
          message: `MQTT broker ${where} is unreachable${lastError ? ` (${lastError})` : ''}; retrying — alarms still reach browsers, hardware buttons do not`,
        },
      ];
    },
  };
};
