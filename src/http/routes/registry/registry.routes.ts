/** Organisation, sites, rooms, cameras, conversation types and operator settings. */
import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { RegistryService } from '../../../services/registry.service.js';
import { SETTINGS } from '../../../services/registry.service.js';
import { sendDomainError } from '../../problem.js';
import { actor, found, noContent, respond } from '../../reply.js';
import { IdParams, Nullable, errorResponses } from '../../schemas.js';
import {
  CameraChangeBody,
  CameraSchema,
  CamerasQuery,
  ConversationTypeChangeBody,
  ConversationTypeSchema,
  NewCameraBody,
  NewConversationTypeBody,
  NewRoomBody,
  NewSiteBody,
  OrganisationBody,
  OrganisationSchema,
  RoomChangeBody,
  RoomSchema,
  RoomsQuery,
  SettingBody,
  SettingParams,
  SettingSchema,
  SettingValueSchema,
  SiteChangeBody,
  SiteSchema,
} from './registry-schemas.js';

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
        response: { 200: Nullable(OrganisationSchema), ...errorResponses(401, 403) },
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
        body: OrganisationBody,
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
        body: NewSiteBody,
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
        body: SiteChangeBody,
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
        querystring: RoomsQuery,
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
        body: NewRoomBody,
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
        body: RoomChangeBody,
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
        querystring: CamerasQuery,
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

  app.post(
    '/api/cameras',
    {
      config: { access: 'cameras:write' },
      schema: {
        tags: ['registry'],
        summary: 'Register a camera; credentials are encrypted at rest and never returned',
        body: NewCameraBody,
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
        body: CameraChangeBody,
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
        body: NewConversationTypeBody,
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
        body: ConversationTypeChangeBody,
        response: { 200: ConversationTypeSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      respond(reply, await reg.updateConversationType(actor(req), req.params.id, req.body)),
  );

  // Operator settings
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
          section: def.section,
          type: def.type,
          ...(def.type === 'integer'
            ? { min: def.min, max: def.max, unit: def.unit }
            : { maxLength: def.maxLength }),
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
        params: SettingParams,
        body: SettingBody,
        response: { 200: SettingValueSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => respond(reply, await reg.putSetting(actor(req), req.params.key, req.body.value)),
  );
};
