/**
 * Alarms, conversations, room states and MQTT devices. The responder console lives on
 * GET /api/alarms/stream (server-sent events); everything else is plain JSON (docs/alarms.md).
 */
import type { RoutesPlugin } from '../../route-types.js';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Recipient } from '../../../core/alarm/audience.js';
import { MAX_POSITION_LENGTH } from '../../../core/alarm/stream-position.js';
import type { AlarmService } from '../../../services/alarm.service.js';
import type { DeviceService } from '../../../services/alarm-device.service.js';
import type { ConversationService } from '../../../services/conversation.service.js';
import type { AlarmHub } from '../../../workers/alarm-hub.js';
import { sendDomainError } from '../../problem.js';
import { actor, respond } from '../../reply.js';
import { Id, IdParams, Name, errorResponses, strict } from '../../schemas.js';
import {
  AlarmViewSchema,
  ConversationSchema,
  DeviceSchema,
  DeviceWithTokenSchema,
  MyAlarmSchema,
  RoomStatusSchema,
} from './alarm-schemas.js';

export interface AlarmRoutesOptions {
  readonly alarms: AlarmService;
  readonly conversations: ConversationService;
  readonly devices: DeviceService;
  readonly hub: AlarmHub;
  readonly topicPrefix: string;
  /** How often an open stream re-checks its credentials (0 = never; tests shorten it). */
  readonly streamRevalidateMs?: number;
}

/** The same user with the same roles and sites: otherwise the stream must end (and the client reconnect with its new scope). */
const sameScope = (a: Recipient, b: Recipient) =>
  a.roles.length === b.roles.length &&
  a.roles.every((r) => b.roles.includes(r)) &&
  a.siteIds.length === b.siteIds.length &&
  a.siteIds.every((s) => b.siteIds.includes(s));

const recipient = (req: FastifyRequest): Recipient => ({
  roles: req.auth!.user.roles,
  siteIds: req.auth!.user.siteIds,
});
/** Lists and room states never carry the risk reason; only the conversation's own employee and responders read it. */
const withoutReason = <T extends { riskReason: string | null }>(c: T) => {
  const { riskReason: _omit, ...rest } = c;
  return rest;
};

export const alarmRoutes: RoutesPlugin<AlarmRoutesOptions> = async (app, opts) => {
  const { alarms, conversations, devices, hub, topicPrefix } = opts;

  // Conversations
  app.post(
    '/api/conversations',
    {
      config: { access: 'conversations:write' },
      schema: {
        tags: ['alarms'],
        summary: 'Start a conversation in a room (no resident identity is asked for)',
        body: Type.Object(
          {
            roomId: Id,
            conversationTypeId: Id,
            riskFlag: Type.Optional(Type.Boolean()),
            riskReason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          strict,
        ),
        response: { 201: ConversationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await conversations.start(actor(req), req.body), 201),
  );

  app.post(
    '/api/conversations/:id/end',
    {
      config: { access: 'conversations:write', sites: 'conversation' },
      schema: {
        tags: ['alarms'],
        summary: 'End a conversation',
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await conversations.end(actor(req), req.params.id)),
  );

  app.get(
    '/api/conversations/mine',
    {
      config: { access: 'alarms:raise' },
      schema: {
        tags: ['alarms'],
        summary: 'My running conversations (the panic view offers their rooms)',
        response: { 200: Type.Array(ConversationSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => conversations.mine(actor(req)),
  );

  app.get(
    '/api/conversations',
    {
      config: { access: 'rooms:status' },
      schema: {
        tags: ['alarms'],
        summary: 'Conversations by room or site (newest first)',
        querystring: Type.Object(
          {
            roomId: Type.Optional(Id),
            siteId: Type.Optional(Id),
            running: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          strict,
        ),
        response: { 200: Type.Array(ConversationSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => (await conversations.list(req.query, req.auth!.user.siteIds)).map(withoutReason),
  );

  app.get(
    '/api/room-states',
    {
      config: { access: 'rooms:status' },
      schema: {
        tags: ['alarms'],
        summary: 'Every room of my sites: free, in conversation, or alarm',
        querystring: Type.Object({ siteId: Type.Optional(Id) }, strict),
        response: { 200: Type.Array(RoomStatusSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => conversations.roomStates(req.auth!.user.siteIds, req.query.siteId),
  );

  // Alarms
  app.post(
    '/api/alarms',
    {
      config: { access: 'alarms:raise' },
      schema: {
        tags: ['alarms'],
        summary:
          'Raise an alarm for a room, or for the room of my running conversation; a press within 2 minutes of the last joins the open alarm',
        body: Type.Object({ roomId: Type.Optional(Id), silent: Type.Optional(Type.Boolean()) }, strict),
        response: {
          201: Type.Object({ alarm: AlarmViewSchema, joined: Type.Boolean() }),
          200: Type.Object({ alarm: AlarmViewSchema, joined: Type.Boolean() }),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const r = await alarms.raise(actor(req), {
        source: req.auth!.via === 'token' ? 'api' : 'web',
        ...body,
      });
      return r.ok ? reply.status(r.value.joined ? 200 : 201).send(r.value) : sendDomainError(reply, r.error);
    },
  );

  app.get(
    '/api/alarms',
    {
      config: { access: 'alarms:respond' },
      schema: {
        tags: ['alarms'],
        summary: 'Open alarms I respond to (or the most recent ones, with ?recent=N)',
        querystring: Type.Object(
          { recent: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          strict,
        ),
        response: { 200: Type.Array(AlarmViewSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const recent = req.query.recent;
      return recent ? alarms.recent(recipient(req), recent) : alarms.openFor(recipient(req));
    },
  );

  app.get(
    '/api/alarms/stream',
    {
      config: { access: 'alarms:respond' },
      schema: {
        tags: ['alarms'],
        summary:
          'Server-sent events for responders: alarms.snapshot, then alarm.raised/joined/acknowledged/escalated/closed and room.changed',
        headers: Type.Object({
          'last-event-id': Type.Optional(Type.String({ maxLength: MAX_POSITION_LENGTH })),
        }),
        response: { ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => {
      const r = recipient(req);
      const userId = req.auth!.user.id;
      reply.hijack();
      const last = req.headers['last-event-id'];
      await hub.attach(reply.raw, r, typeof last === 'string' ? last : undefined, async () => ({
        alarms: await alarms.openFor(r),
      }));
      // A stream outlives the request that opened it: logout, an expired session, a disabled
      // account, a revoked token or changed roles/sites end it at the next check.
      const every = opts.streamRevalidateMs ?? 15_000;
      if (every > 0 && !reply.raw.destroyed && !reply.raw.writableEnded) {
        const timer = setInterval(() => {
          if (reply.raw.destroyed || reply.raw.writableEnded) return clearInterval(timer);
          void app.reauthenticate(req).then(
            (a) => {
              const now =
                a && a.user.id === userId ? { roles: a.user.roles, siteIds: a.user.siteIds } : undefined;
              if (!now || !sameScope(now, r)) reply.raw.end();
            },
            () => undefined, // a passing database error is no reason to cut a responder off
          );
        }, every);
        timer.unref();
        reply.raw.on('close', () => clearInterval(timer));
      }
    },
  );

  app.get(
    '/api/alarms/mine',
    {
      config: { access: 'alarms:raise' },
      schema: {
        tags: ['alarms'],
        summary:
          'My own alarms (open, and closed in the last `closedWithinMinutes`, default 15): state and who is coming; names withheld for a silent alarm',
        querystring: Type.Object(
          { closedWithinMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })) },
          strict,
        ),
        response: { 200: Type.Array(MyAlarmSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => alarms.mine(actor(req), req.query.closedWithinMinutes),
  );

  app.get(
    '/api/alarms/:id',
    {
      config: { access: 'alarms:respond', sites: 'alarm' },
      schema: {
        tags: ['alarms'],
        summary: 'One alarm',
        params: IdParams,
        response: { 200: AlarmViewSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await alarms.get(req.params.id, recipient(req))),
  );

  app.post(
    '/api/alarms/:id/acknowledge',
    {
      config: { access: 'alarms:respond', sites: 'alarm' },
      schema: {
        tags: ['alarms'],
        summary: '"Ik kom": I am on my way (everybody sees who)',
        params: IdParams,
        response: { 200: AlarmViewSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await alarms.acknowledge(actor(req), req.params.id, recipient(req))),
  );

  app.post(
    '/api/alarms/:id/close',
    {
      config: { access: 'alarms:respond', sites: 'alarm' },
      schema: {
        tags: ['alarms'],
        summary: 'Close the alarm (the incident then awaits its report)',
        params: IdParams,
        response: { 200: AlarmViewSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await alarms.close(actor(req), req.params.id, recipient(req))),
  );

  app.post(
    '/api/alarms/:id/escalate',
    {
      config: { access: 'alarms:respond', sites: 'alarm' },
      schema: {
        tags: ['alarms'],
        summary: 'Escalate to security now (otherwise automatic after alarm.escalationSeconds)',
        params: IdParams,
        response: { 200: AlarmViewSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const found = await alarms.get(req.params.id, recipient(req));
      if (!found.ok) return sendDomainError(reply, found.error);
      return respond(reply, await alarms.escalate(actor(req), req.params.id));
    },
  );

  // MQTT devices
  const mqttInfo = (id: string) => ({
    username: id,
    pressTopic: `${topicPrefix}/buttons/${id}/press`,
    resultTopic: `${topicPrefix}/buttons/${id}/result`,
    alarmsTopic: `${topicPrefix}/alarms/#`,
  });

  app.get(
    '/api/devices',
    {
      config: { access: 'devices:read' },
      schema: {
        tags: ['alarms'],
        summary: 'MQTT alarm buttons and subscribers (never their tokens)',
        response: { 200: Type.Array(DeviceSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => devices.list(actor(req)),
  );

  app.post(
    '/api/devices',
    {
      config: { access: 'devices:write' },
      schema: {
        tags: ['alarms'],
        summary:
          'Register a button (in a room, or carried by a person) or a subscriber; the token is shown once',
        body: Type.Object(
          {
            name: Name,
            kind: Type.Union([Type.Literal('button'), Type.Literal('subscriber')]),
            roomId: Type.Optional(Id),
            userId: Type.Optional(Id),
          },
          strict,
        ),
        response: { 201: DeviceWithTokenSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await devices.register(actor(req), req.body);
      return r.ok
        ? reply.status(201).send({ ...r.value, mqtt: mqttInfo(r.value.device.id) })
        : sendDomainError(reply, r.error);
    },
  );

  app.post(
    '/api/devices/:id/token',
    {
      config: { access: 'devices:write', sites: 'device' },
      schema: {
        tags: ['alarms'],
        summary: 'Replace the device token (the old one stops working at once)',
        params: IdParams,
        response: { 200: DeviceWithTokenSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await devices.rotateToken(actor(req), req.params.id);
      return r.ok
        ? reply.send({ ...r.value, mqtt: mqttInfo(r.value.device.id) })
        : sendDomainError(reply, r.error);
    },
  );

  app.patch(
    '/api/devices/:id',
    {
      config: { access: 'devices:write', sites: 'device' },
      schema: {
        tags: ['alarms'],
        summary: 'Disable or enable a device',
        params: IdParams,
        body: Type.Object({ disabled: Type.Boolean() }, strict),
        response: { 200: DeviceSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      respond(reply, await devices.setDisabled(actor(req), req.params.id, req.body.disabled)),
  );

  // Streams end before the server closes, or close would wait for them forever.
  app.addHook('preClose', async () => hub.closeAll());
};
