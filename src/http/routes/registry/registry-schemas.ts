/**
 * TypeBox schemas of the registry API: organisation, sites, rooms, cameras, conversation types and
 * operator settings (validation, serialisation and OpenAPI from one source). The answers are the
 * domain types of core/registry/model.ts; each schema is checked to name all of their fields.
 */
import { Type, type Static } from 'typebox';
import type { Camera, ConversationType, Organisation, Room, Site } from '../../../core/registry/model.js';
import { Id, Name, Nullable, Text, everyFieldOf, strict } from '../../schemas.js';

// Answers

export const OrganisationSchema = everyFieldOf<Organisation>()(
  Type.Object({
    name: Type.String(),
    address: Type.String(),
    dpoName: Type.String(),
    dpoEmail: Type.String(),
    dpoPhone: Type.String(),
    updatedAt: Type.String(),
  }),
);
export const SiteSchema = everyFieldOf<Site>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    address: Type.String(),
    createdAt: Type.String(),
  }),
);
export const RoomSchema = everyFieldOf<Room>()(
  Type.Object({
    id: Type.String(),
    siteId: Type.String(),
    name: Type.String(),
    floor: Type.String(),
    description: Type.String(),
    createdAt: Type.String(),
  }),
);
/** Never with credentials: they go in, never come out. */
export const CameraSchema = everyFieldOf<Camera>()(
  Type.Object({
    id: Type.String(),
    roomId: Type.String(),
    name: Type.String(),
    url: Type.String(),
    hasCredentials: Type.Boolean(),
    /** Switched off by an administrator: never armed, no health error. */
    disabled: Type.Boolean(),
    disabledAt: Nullable(Type.String()),
    createdAt: Type.String(),
  }),
);
export const ConversationTypeSchema = everyFieldOf<ConversationType>()(
  Type.Object({
    id: Type.String(),
    code: Type.String(),
    nameNl: Type.String(),
    nameEn: Type.String(),
    sensitive: Type.Boolean(),
    createdAt: Type.String(),
  }),
);
/** An operator setting with its current value (the default until someone changed it). */
export const SettingSchema = Type.Object({
  key: Type.String(),
  /** Where the screen groups it (alarm, audit, …). */
  section: Type.String(),
  /** integer (min, max, unit) or text (maxLength). */
  type: Type.Union([Type.Literal('integer'), Type.Literal('text')]),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  unit: Type.Optional(Type.String()),
  maxLength: Type.Optional(Type.Number()),
  value: Type.Unknown(),
  description: Type.String(),
  descriptionNl: Type.String(),
  default: Type.Unknown(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});
export type Setting = Static<typeof SettingSchema>;
export const SettingValueSchema = Type.Object({ key: Type.String(), value: Type.Unknown() });
export type SettingValue = Static<typeof SettingValueSchema>;

// Requests

export const OrganisationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    address: Text(500),
    dpoName: Text(200),
    dpoEmail: Text(254),
    dpoPhone: Text(50),
  },
  strict,
);
export type OrganisationBody = Static<typeof OrganisationBody>;

export const NewSiteBody = Type.Object({ name: Name, address: Type.Optional(Text(500)) }, strict);
export type NewSiteBody = Static<typeof NewSiteBody>;
export const SiteChangeBody = Type.Object(
  { name: Type.Optional(Name), address: Type.Optional(Text(500)) },
  strict,
);
export type SiteChangeBody = Static<typeof SiteChangeBody>;

export const RoomsQuery = Type.Object({ siteId: Type.Optional(Id) }, strict);
export type RoomsQuery = Static<typeof RoomsQuery>;
export const NewRoomBody = Type.Object(
  { siteId: Id, name: Name, floor: Type.Optional(Text(50)), description: Type.Optional(Text(1000)) },
  strict,
);
export type NewRoomBody = Static<typeof NewRoomBody>;
export const RoomChangeBody = Type.Object(
  { name: Type.Optional(Name), floor: Type.Optional(Text(50)), description: Type.Optional(Text(1000)) },
  strict,
);
export type RoomChangeBody = Static<typeof RoomChangeBody>;

export const CamerasQuery = Type.Object({ roomId: Type.Optional(Id) }, strict);
export type CamerasQuery = Static<typeof CamerasQuery>;
const CameraUrl = Type.String({ minLength: 1, maxLength: 2000 });
const CameraCredential = Type.Optional(Type.String({ maxLength: 200 }));
export const NewCameraBody = Type.Object(
  { roomId: Id, name: Name, url: CameraUrl, username: CameraCredential, password: CameraCredential },
  strict,
);
export type NewCameraBody = Static<typeof NewCameraBody>;
export const CameraChangeBody = Type.Object(
  {
    roomId: Type.Optional(Id),
    name: Type.Optional(Name),
    url: Type.Optional(CameraUrl),
    username: CameraCredential,
    password: CameraCredential,
    clearCredentials: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CameraChangeBody = Static<typeof CameraChangeBody>;

export const NewConversationTypeBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 48 }),
    nameNl: Name,
    nameEn: Name,
    sensitive: Type.Boolean(),
  },
  strict,
);
export type NewConversationTypeBody = Static<typeof NewConversationTypeBody>;
export const ConversationTypeChangeBody = Type.Object(
  { nameNl: Type.Optional(Name), nameEn: Type.Optional(Name), sensitive: Type.Optional(Type.Boolean()) },
  strict,
);
export type ConversationTypeChangeBody = Static<typeof ConversationTypeChangeBody>;

export const SettingParams = Type.Object(
  { key: Type.String({ maxLength: 100, pattern: '^[a-zA-Z0-9.]+$' }) },
  strict,
);
export type SettingParams = Static<typeof SettingParams>;
export const SettingBody = Type.Object({ value: Type.Unknown() }, strict);
export type SettingBody = Static<typeof SettingBody>;
