/**
 * Recorder agents (issue 13 §2, ADR 0015). Administrators list, register and revoke agents
 * (cameras:read / cameras:write); an agent enrols with its one-time code (public, the code is the
 * credential) and then calls the /api/agent/* routes with its own bearer token only: its signed
 * plan, its event stream, its heartbeat, and what it recorded (clip rows, notes, sealed parts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { AgentRecord, AgentReport } from '../../../core/agents/agent.js';
import type { SignedAgentPlan } from '../../../core/agents/plan.js';
import type { ClipMetadata } from '../../../core/recording/clip.js';
import type { Result } from '../../../core/result.js';
import type { AgentClipEnd, AgentView, ClipOpening } from '../../../services/agent.service.js';
import type { Actor } from '../../../services/ports.js';
import type { FootageNoteKind } from '../../../services/recording-ports.js';
import { problemOf, sendProblem } from '../../problem.js';
import { actor, respond } from '../../reply.js';
import type { RoutesPlugin } from '../../route-types.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  AgentSchema,
  ClipEndBody,
  ClipOpenBody,
  ClipParams,
  CreateAgentBody,
  CreatedAgentSchema,
  DoneSchema,
  EnrolBody,
  EnrolledSchema,
  ExtendBody,
  HeartbeatBody,
  NoteBody,
  PartParams,
  SignedPlanSchema,
  StoredPartSchema,
} from './agent-schemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    agent: AgentRecord | undefined;
  }
}

export interface AgentRouteDeps {
  readonly list: (viewer: Actor) => Promise<AgentView[]>;
  readonly create: (
    actor: Actor,
    body: CreateAgentBody,
  ) => Promise<Result<{ agent: AgentView; code: string }>>;
  readonly revoke: (actor: Actor, id: string) => Promise<Result<AgentView>>;
  readonly enrol: (
    body: EnrolBody,
  ) => Promise<Result<{ agentId: string; siteId: string; token: string; planKey: string }>>;
  readonly authenticate: (token: string) => Promise<AgentRecord | undefined>;
  readonly plan: (agent: AgentRecord) => Promise<SignedAgentPlan>;
  readonly heartbeat: (agent: AgentRecord, report: AgentReport) => Promise<void>;
  /** Holds the response open as the agent's event stream until either side ends it. */
  readonly attach: (agent: AgentRecord, res: ServerResponse) => void;
  readonly clipOpened: (agent: AgentRecord, c: ClipOpening) => Promise<Result<void>>;
  readonly clipExtended: (
    agent: AgentRecord,
    clipId: string,
    alarmId: string,
    incidentId: string | null,
  ) => Promise<Result<void>>;
  readonly note: (
    agent: AgentRecord,
    n: {
      incidentId: string | null;
      alarmId: string;
      roomId: string;
      cameraId: string | null;
      kind: FootageNoteKind;
      message: string;
      clipId: string | null;
    },
  ) => Promise<Result<void>>;
  readonly part: (
    agent: AgentRecord,
    clipId: string,
    index: number,
    sealed: Buffer,
    sha256: string,
    media: unknown,
  ) => Promise<Result<{ stored: boolean }>>;
  readonly clipEnded: (agent: AgentRecord, clipId: string, end: AgentClipEnd) => Promise<Result<void>>;
}

const bearer = (req: FastifyRequest): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

const me = (req: FastifyRequest): AgentRecord => req.agent!;

const done = (reply: FastifyReply, r: Result<void>) =>
  respond(reply, r.ok ? { ok: true, value: { ok: true } } : r);

/** A sealed part is at most this large (one GOP of a high-bitrate camera, with room to spare). */
const PART_LIMIT = 64 * 1024 * 1024;

export const agentRoutes: RoutesPlugin<AgentRouteDeps> = async (app, d) => {
  app.decorateRequest('agent', undefined);
  // Only the agent routes of this plugin: a user's session or API token is never an agent.
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config.access !== 'agent') return undefined;
    const token = bearer(req);
    const agent = token === undefined ? undefined : await d.authenticate(token);
    if (agent === undefined)
      return sendProblem(
        reply,
        problemOf('AGENT.TOKEN_INVALID', 'send the token of an enrolled agent that was not revoked'),
      );
    req.agent = agent;
    return undefined;
  });
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: PART_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/agents',
    {
      config: { access: 'cameras:read' },
      schema: {
        tags: ['agents'],
        summary: "Recorder agents of the viewer's sites, with their state, health and lag",
        response: { 200: Type.Array(AgentSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => d.list(actor(req)),
  );

  app.post(
    '/api/agents',
    {
      config: { access: 'cameras:write' },
      schema: {
        tags: ['agents'],
        summary: 'Register a recorder agent for a site; answers its one-time enrolment code (shown once)',
        body: CreateAgentBody,
        response: { 201: CreatedAgentSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.create(actor(req), req.body), 201),
  );

  app.post(
    '/api/agents/:id/revoke',
    {
      config: { access: 'cameras:write', sites: 'organisation' },
      schema: {
        tags: ['agents'],
        summary: 'Revoke an agent: its token is refused from now on and its event stream ends (audited)',
        params: IdParams,
        response: { 200: AgentSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await d.revoke(actor(req), req.params.id)),
  );

  app.post(
    '/api/agent/enrol',
    {
      config: { access: 'public' },
      schema: {
        tags: ['agents'],
        summary: 'An agent enrols with its one-time code and its age public key; answers its token',
        body: EnrolBody,
        response: { 200: EnrolledSchema, ...errorResponses(400, 401, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.enrol(req.body)),
  );

  app.get(
    '/api/agent/plan',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['agents'],
        summary: "The agent's signed plan: its site's cameras, what each may do, the vault recipient",
        response: { 200: SignedPlanSchema, ...errorResponses(401) },
      },
    },
    async (req) => d.plan(me(req)),
  );

  app.post(
    '/api/agent/heartbeat',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['agents'],
        summary: "The agent's health and queue (its lag on the server)",
        body: HeartbeatBody,
        response: { 200: DoneSchema, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      await d.heartbeat(me(req), req.body.report);
      return { ok: true };
    },
  );

  app.get(
    '/api/agent/events',
    {
      config: { access: 'agent' },
      schema: { tags: ['agents'], summary: "The agent's event stream (SSE): alarms, re-plan, deny, revoked" },
    },
    async (req, reply) => {
      reply.hijack();
      d.attach(me(req), reply.raw);
    },
  );

  app.put(
    '/api/agent/clips/:clipId',
    {
      config: { access: 'agent', sites: 'organisation' },
      schema: {
        tags: ['agents'],
        summary: 'A clip the agent opened (idempotent)',
        params: ClipParams,
        body: ClipOpenBody,
        response: { 200: DoneSchema, ...errorResponses(400, 401, 409, 422) },
      },
    },
    async (req, reply) =>
      done(
        reply,
        await d.clipOpened(me(req), { ...req.body, id: req.params.clipId, roomId: '', siteId: '' }),
      ),
  );

  app.post(
    '/api/agent/clips/:clipId/alarms',
    {
      config: { access: 'agent', sites: 'organisation' },
      schema: {
        tags: ['agents'],
        summary: "A later alarm extended the agent's clip",
        params: ClipParams,
        body: ExtendBody,
        response: { 200: DoneSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) =>
      done(reply, await d.clipExtended(me(req), req.params.clipId, req.body.alarmId, req.body.incidentId)),
  );

  app.post(
    '/api/agent/notes',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['agents'],
        summary: "A footage note for an alarm at the agent's site",
        body: NoteBody,
        response: { 200: DoneSchema, ...errorResponses(400, 401, 422) },
      },
    },
    async (req, reply) => done(reply, await d.note(me(req), req.body)),
  );

  app.put(
    '/api/agent/clips/:clipId/parts/:n',
    {
      config: { access: 'agent', sites: 'organisation' },
      schema: {
        tags: ['agents'],
        summary:
          'One sealed part (an age file) with its SHA-256 in x-part-sha256: stored once; the same part again answers stored=false',
        params: PartParams,
        response: { 200: StoredPartSchema, ...errorResponses(400, 401, 404, 409, 413, 422, 507) },
      },
    },
    async (req, reply) => {
      const sha = req.headers['x-part-sha256'];
      const body = req.body;
      if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha) || !Buffer.isBuffer(body))
        return sendProblem(
          reply,
          problemOf(
            'REQUEST.INVALID',
            'send the sealed part as application/octet-stream with its SHA-256 in x-part-sha256',
          ),
        );
      const mediaHeader = req.headers['x-part-media'];
      let media: unknown;
      try {
        media =
          typeof mediaHeader === 'string'
            ? JSON.parse(Buffer.from(mediaHeader, 'base64url').toString('utf8'))
            : undefined;
      } catch {
        media = undefined;
      }
      return respond(reply, await d.part(me(req), req.params.clipId, req.params.n, body, sha, media));
    },
  );

  app.post(
    '/api/agent/clips/:clipId/end',
    {
      config: { access: 'agent', sites: 'organisation' },
      schema: {
        tags: ['agents'],
        summary:
          'The clip is over on the agent: the server closes it in the vault and stores its row (idempotent)',
        params: ClipParams,
        body: ClipEndBody,
        response: { 200: DoneSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) =>
      done(
        reply,
        await d.clipEnded(me(req), req.params.clipId, {
          ...req.body,
          meta: req.body.meta as ClipMetadata | null,
        }),
      ),
  );
};
