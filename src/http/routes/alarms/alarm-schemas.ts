/** TypeBox schemas of the alarm API (validation and OpenAPI from one source). */
import { Type } from 'typebox';
import { Nullable, strict } from '../../schemas.js';

export const AlarmViewSchema = Type.Object({
  id: Type.String(),
  state: Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('closed')]),
  siteId: Type.String(),
  siteName: Type.String(),
  roomId: Type.String(),
  roomName: Type.String(),
  floor: Type.String(),
  conversationId: Nullable(Type.String()),
  conversationType: Type.Union([
    Type.Object({ id: Type.String(), code: Type.String(), nameNl: Type.String(), nameEn: Type.String() }),
    Type.Null(),
  ]),
  riskFlag: Type.Boolean(),
  source: Type.Union([Type.Literal('web'), Type.Literal('mqtt'), Type.Literal('api')]),
  raisedBy: Type.Union([Type.Object({ userId: Type.String(), displayName: Type.String() }), Type.Null()]),
  deviceId: Nullable(Type.String()),
  silent: Type.Boolean(),
  raisedAt: Type.String(),
  lastPressAt: Type.String(),
  pressCount: Type.Integer(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgements: Type.Array(
    Type.Object({ userId: Type.String(), displayName: Type.String(), at: Type.String() }),
  ),
  escalatedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  incidentId: Type.String(),
});

/** GET /api/alarms/mine: the employee's own alarm; a silent alarm carries no names (namesWithheld). */
export const MyAlarmSchema = Type.Object(
  {
    id: Type.String(),
    state: Type.Union([Type.Literal('raised'), Type.Literal('acknowledged'), Type.Literal('closed')]),
    roomId: Type.String(),
    roomName: Type.String(),
    silent: Type.Boolean(),
    raisedAt: Type.String(),
    lastPressAt: Type.String(),
    pressCount: Type.Integer(),
    acknowledgedAt: Nullable(Type.String()),
    acknowledgements: Type.Array(Type.Object({ displayName: Type.String(), at: Type.String() }, strict)),
    namesWithheld: Type.Boolean(),
    closedAt: Nullable(Type.String()),
    incidentId: Type.String(),
  },
  strict,
);

export const ConversationSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  roomId: Type.String(),
  conversationTypeId: Type.String(),
  startedBy: Type.String(),
  startedAt: Type.String(),
  endedAt: Nullable(Type.String()),
  endedBy: Nullable(Type.String()),
  riskFlag: Type.Boolean(),
  riskReason: Type.Optional(Nullable(Type.String())),
});

export const RoomStatusSchema = Type.Object({
  roomId: Type.String(),
  siteId: Type.String(),
  name: Type.String(),
  floor: Type.String(),
  state: Type.Union([Type.Literal('free'), Type.Literal('in-conversation'), Type.Literal('alarm')]),
  conversation: Type.Union([
    Type.Object({
      id: Type.String(),
      conversationTypeId: Type.String(),
      startedAt: Type.String(),
      riskFlag: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  openAlarmIds: Type.Array(Type.String()),
});

export const DeviceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('button'), Type.Literal('subscriber')]),
  roomId: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  createdAt: Type.String(),
  disabledAt: Nullable(Type.String()),
  lastSeenAt: Nullable(Type.String()),
});

export const DeviceWithTokenSchema = Type.Object({
  device: DeviceSchema,
  token: Type.String(),
  mqtt: Type.Object({
    username: Type.String(),
    pressTopic: Type.String(),
    resultTopic: Type.String(),
    alarmsTopic: Type.String(),
  }),
});
