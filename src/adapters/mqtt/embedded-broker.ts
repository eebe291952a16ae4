/**
 * The embedded MQTT listener (aedes): hardware alarm buttons connect here with their device id
 * and token; building systems subscribe to alarm events. A button may publish only on its own
 * press topic and read only its own result topic; a subscriber may only read alarm events. If
 * the port is taken the listener reports a health warning and Proportio runs on — alarms still
 * work over the web.
 */
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { Logger } from 'pino';
import { pressTopic, resultTopic } from '../../core/alarm/press-payload.js';
import type { HealthItem } from '../../core/health.js';
import type { AlarmMqtt, DeviceIdentity, MqttHandlers } from './mqtt-types.js';

export interface EmbeddedBrokerOptions {
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly prefix: string;
  readonly log: Logger;
  readonly handlers: MqttHandlers;
}

const BAD_USERNAME_OR_PASSWORD = 4;

export const createEmbeddedBroker = (opts: EmbeddedBrokerOptions): AlarmMqtt => {
  const { prefix, log, handlers } = opts;
  const devices = new WeakMap<Client, DeviceIdentity>();
  const counters = { received: 0, malformed: 0, rejected: 0, published: 0 };
  let broker: Aedes | undefined;
  let server: net.Server | undefined;
  let boundPort: number | undefined;
  /** Why the listener is not running, with its stable code (the listener knows which it is). */
  let problem: HealthItem | undefined;

  const authFailure = (message: string) =>
    Object.assign(new Error(message), { returnCode: BAD_USERNAME_OR_PASSWORD });

  const publishRaw = (topic: string, payload: string) => {
    broker?.publish(
      { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false },
      (e) => {
        if (e) log.warn({ topic, err: e.message }, 'mqtt publish failed');
      },
    );
  };

  return {
    counters,
    port: () => boundPort,
    async start() {
      broker = await Aedes.createBroker({
        id: 'proportio',
        authenticate: (client, username, password, done) => {
          if (!username || !password) {
            counters.rejected++;
            return done(authFailure('device id and token required'), false);
          }
          handlers.authenticate(username, password.toString('utf8')).then(
            (d) => {
              if (!d) {
                counters.rejected++;
                log.warn({ deviceId: username.slice(0, 64) }, 'mqtt device login refused');
                return done(authFailure('unknown device or wrong token'), false);
              }
              devices.set(client, d);
              return done(null, true);
            },
            (e: unknown) => done(authFailure((e as Error).message), false),
          );
        },
        authorizePublish: (client, packet, done) => {
          if (client === null) return done(null);
          const d = devices.get(client);
          if (!d || d.kind !== 'button' || packet.topic !== pressTopic(prefix, d.id)) {
            counters.rejected++;
            log.warn(
              { deviceId: d?.id, topic: packet.topic.slice(0, 200) },
              'mqtt publish refused: not this device’s press topic',
            );
            return done(new Error('not authorised'));
          }
          counters.received++;
          // The press is handled before PUBACK: when the button gets its acknowledgement, the alarm is on disk.
          handlers.press(packet.topic, Buffer.from(packet.payload), d.id).then(
            ({ result, counted }) => {
              if (counted) counters[counted]++;
              publishRaw(resultTopic(prefix, d.id), JSON.stringify(result));
              done(null);
            },
            (e: unknown) => {
              log.error({ err: (e as Error).message, deviceId: d.id }, 'mqtt press failed');
              done(null);
            },
          );
          return undefined;
        },
        authorizeSubscribe: (client, sub, done) => {
          const d = devices.get(client);
          const alarmsTopic = sub.topic === `${prefix}/alarms/#` || sub.topic.startsWith(`${prefix}/alarms/`);
          const ok =
            d !== undefined &&
            ((d.kind === 'subscriber' && alarmsTopic) ||
              (d.kind === 'button' && sub.topic === resultTopic(prefix, d.id)));
          if (!ok) {
            log.warn({ deviceId: d?.id, topic: sub.topic.slice(0, 200) }, 'mqtt subscribe refused');
            return done(null, null);
          }
          return done(null, sub);
        },
      });
      broker.on('clientError', (client, e) =>
        log.debug({ deviceId: devices.get(client)?.id, err: e.message }, 'mqtt client error'),
      );
      const srv = net.createServer(broker.handle);
      server = srv;
      await new Promise<void>((resolve) => {
        srv.once('error', (e: NodeJS.ErrnoException) => {
          const inUse = e.code === 'EADDRINUSE';
          problem = {
            component: 'mqtt',
            status: 'warning',
            code: inUse ? 'mqtt.port-in-use' : 'mqtt.listener-failed',
            message: inUse
              ? `MQTT listener: port ${opts.port} is already in use; hardware buttons cannot connect (alarms still work over the web)`
              : `MQTT listener failed to start (${e.code ?? e.message}); hardware buttons cannot connect`,
            params: { port: opts.port },
          };
          log.warn({ port: opts.port, err: e.code ?? e.message }, problem.message);
          resolve();
        });
        srv.listen(opts.port, opts.host, () => {
          const a = srv.address();
          boundPort = typeof a === 'object' && a ? a.port : undefined;
          log.info({ port: boundPort }, 'mqtt listener ready');
          resolve();
        });
      });
    },
    async stop() {
      const b = broker;
      const s = server;
      broker = undefined;
      server = undefined;
      boundPort = undefined;
      if (b) await new Promise<void>((r) => b.close(() => r()));
      if (s?.listening) await new Promise<void>((r) => s.close(() => r()));
    },
    publish(topic, payload) {
      if (!broker) return;
      counters.published++;
      publishRaw(topic, payload);
    },
    health(): readonly HealthItem[] {
      return problem ? [problem] : [];
    },
  };
};
