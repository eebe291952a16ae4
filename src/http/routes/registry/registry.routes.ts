/** Organisation, sites, rooms, cameras, conversation types and operator settings. */
import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { RegistryService } from '../../../services/registry.service.js';
import { SETTINGS } from '../../../services/registry.service.js';
import { sendDomainError } from '../../problem.js';
import { actor, found, noContent, respond } from '../../reply.js';
import {
  CameraSchema,
  ConversationTypeSchema,
  Id,
  IdParams,
  Name,
  OrganisationSchema,
  RoomSchema,
  SiteSchema,
  Text,
  errorResponses,
  strict,
} from '../../schemas.js';

export const registryRoutes: RoutesPlugin<{ registry: RegistryService }> = async (app, opts) => {
  const reg = opts.registry;

  // Organisation
  app.get(
    '/api/organisation',
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'The controller: name, address, DPO contact',
        response: { 200: Type.Union([OrganisationSchema, Type.Null()]), ...errorResponses(401, 403) },
      },
    },
    async () => (await reg.getOrganisation()) ?? null,
  );

  app.put(
    '/api/organisation',
    {
      config: { access: 'registry:write' },
      schema: {
        tags: ['registry'],
        summary: 'Set the controller details',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            address: Text(500),
            dpoName: Text(200),
            dpoEmail: Text(254),
            dpoPhone: Text(50),
          },
          strict,
        ),
        response: { 200: OrganisationSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => respond(reply, await reg.putOrganisation(actor(req), req.body)),
  );

  // Sites
  app.get(
    '/api/sites',
    {
      config: { access: 'registry:read', sites: 'organisation' },
      schema: {
        tags: ['registry'],
        summary: 'List sites',
        response: { 200: Type.Array(SiteSchema), ...errorResponses(401, 403) },
      },
    },
    async () => reg.listSites(),
  );

  app.get(
    '/api/sites/:id',
    {
      config: { access: 'registry:read', sites: 'organisation' },
      schema: {
        tags: ['registry'],
        summary: 'One site',
        params: IdParams,
        response: { 200: SiteSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => found(reply, 'site', req.params.id, await reg.getSite(req.params.id)),
  );

  app.post(
    '/api/sites',
    {
      config: { access: 'registry:write' },
      schema: {
        tags: ['registry'],
        summary: 'Create a site',
        body: Type.Object({ name: Name, address: Type.Optional(Text(500)) }, strict),
        response: { 201: SiteSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.createSite(actor(req), req.body), 201),
  );

  app.patch(
    '/api/sites/:id',
    {
      config: { access: 'registry:write', sites: 'site' },
      schema: {
        tags: ['registry'],
        summary: 'Change a site',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Name), address: Type.Optional(Text(500)) }, strict),
        response: { 200: SiteSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.updateSite(actor(req), req.params.id, req.body)),
  );

  // Rooms
  app.get(
    '/api/rooms',
    {
      config: { access: 'registry:read', sites: 'organisation' },
      schema: {
        tags: ['registry'],
        summary: 'List interview rooms',
        querystring: Type.Object({ siteId: Type.Optional(Id) }, strict),
        response: { 200: Type.Array(RoomSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => reg.listRooms(req.query),
  );

  app.get(
    '/api/rooms/:id',
    {
      config: { access: 'registry:read', sites: 'organisation' },
      schema: {
        tags: ['registry'],
        summary: 'One room',
        params: IdParams,
        response: { 200: RoomSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => found(reply, 'room', req.params.id, await reg.getRoom(req.params.id)),
  );

  app.post(
    '/api/rooms',
    {
      config: { access: 'registry:write' },
      schema: {
        tags: ['registry'],
        summary: 'Create a room',
        body: Type.Object(
          { siteId: Id, name: Name, floor: Type.Optional(Text(50)), description: Type.Optional(Text(1000)) },
          strict,
        ),
        response: { 201: RoomSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.createRoom(actor(req), req.body), 201),
  );

  app.patch(
    '/api/rooms/:id',
    {
      config: { access: 'registry:write', sites: 'room' },
      schema: {
        tags: ['registry'],
        summary: 'Change a room',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            floor: Type.Optional(Text(50)),
            description: Type.Optional(Text(1000)),
          },
          strict,
        ),
        response: { 200: RoomSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.updateRoom(actor(req), req.params.id, req.body)),
  );

  // Cameras: credentials go in, never come out.
  app.get(
    '/api/cameras',
    {
      config: { access: 'cameras:read' },
      schema: {
        tags: ['registry'],
        summary: 'List cameras (never with credentials)',
        querystring: Type.Object({ roomId: Type.Optional(Id) }, strict),
        response: { 200: Type.Array(CameraSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => reg.listCameras(actor(req), req.query),
  );

  app.get(
    '/api/cameras/:id',
    {
      config: { access: 'cameras:read', sites: 'camera' },
      schema: {
        tags: ['registry'],
        summary: 'One camera',
        params: IdParams,
        response: { 200: CameraSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) =>
      found(reply, 'camera', req.params.id, await reg.getCamera(actor(req), req.params.id)),
  );

  const cameraFields = {
    name: Name,
    url: Type.String({ minLength: 1, maxLength: 2000 }),
    username: Type.Optional(Type.String({ maxLength: 200 })),
    password: Type.Optional(Type.String({ maxLength: 200 })),
  };
  app.post(
    '/api/cameras',
    {
      config: { access: 'cameras:write' },
      schema: {
        tags: ['registry'],
        summary: 'Register a camera; credentials are encrypted at rest and never returned',
        body: Type.Object({ roomId: Id, ...cameraFields }, strict),
        response: { 201: CameraSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.createCamera(actor(req), req.body), 201),
  );

  app.patch(
    '/api/cameras/:id',
    {
      config: { access: 'cameras:write', sites: 'camera' },
      schema: {
        tags: ['registry'],
        summary: 'Change a camera',
        params: IdParams,
        body: Type.Object(
          {
            roomId: Type.Optional(Id),
            name: Type.Optional(Name),
            url: Type.Optional(cameraFields.url),
            username: cameraFields.username,
            password: cameraFields.password,
            clearCredentials: Type.Optional(Type.Boolean()),
          },
          strict,
        ),
        response: { 200: CameraSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.updateCamera(actor(req), req.params.id, req.body)),
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    app.post(
      `/api/cameras/:id/${verb}`,
      {
        config: { access: 'cameras:write', sites: 'camera' },
        schema: {
          tags: ['registry'],
          summary: disabled
            ? 'Disable a camera: never armed, no health error; alarms in its room note "camera disabled" (audited)'
            : 'Enable a disabled camera again (audited)',
          params: IdParams,
          response: { 200: CameraSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (req, reply) => respond(reply, await reg.setCameraDisabled(actor(req), req.params.id, disabled)),
    );

  app.delete(
    '/api/cameras/:id',
    {
      config: { access: 'cameras:write', sites: 'camera' },
      schema: {
        tags: ['registry'],
        summary:
          'Remove a camera: gone from lists and never armed again; its clips and their retention are untouched (audited)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const r = await reg.removeCamera(actor(req), req.params.id);
      return r.ok ? noContent(reply) : sendDomainError(reply, r.error);
    },
  );

  // Conversation types
  app.get(
    '/api/conversation-types',
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'List kinds of conversation',
        response: { 200: Type.Array(ConversationTypeSchema), ...errorResponses(401, 403) },
      },
    },
    async () => reg.listConversationTypes(),
  );

  app.post(
    '/api/conversation-types',
    {
      config: { access: 'registry:write' },
      schema: {
        tags: ['registry'],
        summary: 'Create a kind of conversation',
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 48 }),
            nameNl: Name,
            nameEn: Name,
            sensitive: Type.Boolean(),
          },
          strict,
        ),
        response: { 201: ConversationTypeSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => respond(reply, await reg.createConversationType(actor(req), req.body), 201),
  );

  app.patch(
    '/api/conversation-types/:id',
    {
      config: { access: 'registry:write', sites: 'organisation' },
      schema: {
        tags: ['registry'],
        summary: 'Change a kind of conversation',
        params: IdParams,
        body: Type.Object(
          {
            nameNl: Type.Optional(Name),
            nameEn: Type.Optional(Name),
            sensitive: Type.Optional(Type.Boolean()),
          },
          strict,
        ),
        response: { 200: ConversationTypeSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      respond(reply, await reg.updateConversationType(actor(req), req.params.id, req.body)),
  );

  // Operator settings
  const SettingSchema = Type.Object({
    key: Type.String(),
    value: Type.Unknown(),
    description: Type.String(),
    descriptionNl: Type.String(),
    default: Type.Unknown(),
    updatedAt: Type.Union([Type.String(), Type.Null()]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  });
  app.get(
    '/api/settings',
    {
      config: { access: 'settings:read' },
      schema: {
        tags: ['registry'],
        summary: 'Operator settings with their current values',
        response: { 200: Type.Array(SettingSchema), ...errorResponses(401, 403) },
      },
    },
    async () => {
      const stored = new Map((await reg.listSettings()).map((s) => [s.key, s]));
      return Object.entries(SETTINGS).map(([key, def]) => {
        const s = stored.get(key);
        return {
          key,
          value: s ? s.value : def.default,
          description: def.description,
          descriptionNl: def.descriptionNl,
          default: def.default,
          updatedAt: s?.updatedAt ?? null,
          updatedBy: s?.updatedBy ?? null,
        };
      });
    },
  );

  app.put(
    '/api/settings/:key',
    {
      config: { access: 'settings:write', sites: 'organisation' },
      schema: {
        tags: ['registry'],
        summary: 'Change an operator setting (audited)',
        params: Type.Object({ key: Type.String({ maxLength: 100, pattern: '^[a-zA-Z0-9.]+$' }) }, strict),
        body: Type.Object({ value: Type.Unknown() }, strict),
        response: {
          200: Type.Object({ key: Type.String(), value: Type.Unknown() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => respond(reply, await reg.putSetting(actor(req), req.params.key, req.body.value)),
  );
};
