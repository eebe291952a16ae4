/**
 * Recording: camera health, suspensions ("stilleggen") and resumption, a resident's objection,
 * clip metadata (never footage: clips are opened offline with the vault identity, see
 * docs/recording.md) and the footage notes of an incident. GET /metrics serves Prometheus text
 * to an API token with 'metrics:read'.
 */
import type { RoutesPlugin } from '../../route-types.js';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { servesSite } from '../../../core/alarm/audience.js';
import type { Result } from '../../../core/result.js';
import type { Actor } from '../../../services/ports.js';
import type { HeldClip } from '../../../services/hold.service.js';
import type { FootageNote, SuspensionRecord } from '../../../services/recording-ports.js';
import { sendDomainError } from '../../problem.js';
import { actor, found, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  CameraStatusSchema,
  ClipSchema,
  ClipsQuery,
  FootageSchema,
  ObjectionBody,
  ObjectionSchema,
  RecordingStatusSchema,
  ResumeBody,
  SuspensionBody,
  SuspensionSchema,
} from './recording-schemas.js';
import type { CameraStatus } from '../../../workers/recorder-supervisor.js';
import { renderMetrics, type RecorderTotals } from './recording-metrics.js';

const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export const cameraView = (c: CameraStatus) => ({
  cameraId: c.cameraId,
  cameraName: c.cameraName,
  roomId: c.roomId,
  siteId: c.siteId,
  armed: c.armed,
  recording: c.recording,
  draining: c.draining,
  mode: c.mode,
  offReason: c.offReason,
  offKind: c.offKind,
  state: c.armed ? (c.health?.state ?? 'starting') : 'off',
  stateSince: iso(c.health?.since),
  error: c.health?.error ? { code: c.health.error.code, message: c.health.error.message } : null,
  lastFragmentAt: iso(c.health?.lastFragmentAt),
  bitrateBps: c.health?.bitrateBps ?? null,
  gopSeconds: c.health?.gopSeconds ?? null,
  gopWarning: c.gopWarning,
  restarts: c.health?.restarts ?? 0,
  nextAttemptAt: iso(c.health?.nextAttemptAt),
  ringSeconds: c.ringSeconds,
  ringBytes: c.ringBytes,
  preRollSeconds: c.preRollSeconds,
  sealError: c.sealError,
  clipsSealed: c.clipsSealed,
  bytesSealed: c.bytesSealed,
});

export interface RecordingRouteDeps {
  /** Metrics of other capabilities (the audit anchor), appended to /metrics. */
  readonly otherMetrics?: () => Promise<string>;
  readonly object: (
    actor: Actor,
    roomId: string,
  ) => Promise<
    Result<{
      objection: { id: string; roomId: string; conversationId: string; at: string };
      created: boolean;
    }>
  >;
  readonly suspend: (actor: Actor, input: SuspensionBody) => Promise<Result<SuspensionRecord>>;
  readonly resume: (actor: Actor, id: string, reason: string) => Promise<Result<SuspensionRecord>>;
  readonly suspensions: (viewer: Actor) => Promise<SuspensionRecord[]>;
  readonly listClips: (viewer: Actor, filter: ClipsQuery) => Promise<HeldClip[]>;
  readonly getClip: (viewer: Actor, id: string) => Promise<HeldClip | undefined>;
  readonly footage: (
    viewer: Actor,
    incidentId: string,
  ) => Promise<Result<{ notes: FootageNote[]; clips: HeldClip[] }>>;
  readonly cameras: () => CameraStatus[];
  /** Whether the recorder has been started (else it plans no camera and cameras() is empty). */
  readonly running: () => boolean;
  readonly blockers: () => readonly { kind: string; message: string }[];
  readonly totals: () => Promise<RecorderTotals>;
  readonly now: () => number;
}

/** Cameras of the sites this user serves (none assigned = every site). */
const ownCameras = (req: FastifyRequest, all: CameraStatus[]) =>
  all.filter((c) => servesSite(req.auth!.user, c.siteId));

export const recordingRoutes: RoutesPlugin<RecordingRouteDeps> = async (app, d) => {
  app.get(
    '/api/recording/status',
    {
      config: { access: 'recording:read' },
      schema: {
        tags: ['recording'],
        summary:
          'Recorder state: cameras, active suspensions, and why recording is refused (no vault key, no ffmpeg)',
        response: { 200: RecordingStatusSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => ({
      running: d.running(),
      blocked: [...d.blockers()],
      suspensions: (await d.suspensions(actor(req))).filter((s) => s.resumedAt === null),
      cameras: ownCameras(req, d.cameras()).map(cameraView),
    }),
  );

  app.get(
    '/api/recording/cameras',
    {
      config: { access: 'recording:read' },
      schema: {
        tags: ['recording'],
        summary: 'Health of every camera: state, last fragment, bitrate, GOP, restarts',
        response: { 200: Type.Array(CameraStatusSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => ownCameras(req, d.cameras()).map(cameraView),
  );

  app.get(
    '/api/recording/clips',
    {
      config: { access: 'recording:read' },
      schema: {
        tags: ['recording'],
        summary: 'Clip metadata (never footage), newest first',
        querystring: ClipsQuery,
        response: { 200: Type.Array(ClipSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => d.listClips(actor(req), req.query),
  );

  app.get(
    '/api/recording/clips/:id',
    {
      config: { access: 'recording:read', sites: 'clip' },
      schema: {
        tags: ['recording'],
        summary: 'One clip: links (alarm, incident, camera, policy version, assessments) and metadata',
        params: IdParams,
        response: { 200: ClipSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => found(reply, 'clip', req.params.id, await d.getClip(actor(req), req.params.id)),
  );

  app.get(
    '/api/recording/incidents/:id/footage',
    {
      config: { access: 'incidents:read', sites: 'incident' },
      schema: {
        tags: ['recording'],
        summary:
          'Whether an incident has footage: its clips, or why not ("no footage: camera offline since …")',
        params: IdParams,
        response: { 200: FootageSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.footage(actor(req), req.params.id)),
  );

  app.post(
    '/api/recording/objections',
    {
      config: { access: 'recording:object' },
      schema: {
        tags: ['recording'],
        summary:
          'A resident objects: recording off for the running conversation in this room, at once (no resident data is taken)',
        body: ObjectionBody,
        response: { 201: ObjectionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await d.object(actor(req), req.body.roomId);
      if (!r.ok) return sendDomainError(reply, r.error);
      const o = r.value.objection;
      return reply.status(201).send({
        objection: { id: o.id, roomId: o.roomId, conversationId: o.conversationId, at: o.at },
        created: r.value.created,
      });
    },
  );

  app.get(
    '/api/recording/suspensions',
    {
      config: { access: 'recording:read' },
      schema: {
        tags: ['recording'],
        summary: 'Suspensions, newest first (active ones have no resumedAt)',
        response: { 200: Type.Array(SuspensionSchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => d.suspensions(actor(req)),
  );

  app.post(
    '/api/recording/suspensions',
    {
      config: { access: 'recording:suspend' },
      schema: {
        tags: ['recording'],
        summary:
          'Suspend recording for one site or the whole organisation: every affected ffmpeg stops and its buffer is purged at once',
        body: SuspensionBody,
        response: { 201: SuspensionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await d.suspend(actor(req), req.body), 201),
  );

  app.post(
    '/api/recording/suspensions/:id/resume',
    {
      config: { access: 'recording:suspend', sites: 'suspension' },
      schema: {
        tags: ['recording'],
        summary: 'Lift a suspension (a reason is required); recording follows the policy again',
        params: IdParams,
        body: ResumeBody,
        response: { 200: SuspensionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await d.resume(actor(req), req.params.id, req.body.reason)),
  );

  app.get(
    '/metrics',
    {
      config: { access: 'metrics:read' },
      schema: {
        tags: ['recording'],
        summary:
          'Prometheus metrics (text format 0.0.4); authenticate with an API token (Authorization: Bearer prt_…)',
      },
    },
    async (req, reply) => {
      const text =
        renderMetrics(ownCameras(req, d.cameras()), await d.totals(), d.now()) +
        ((await d.otherMetrics?.()) ?? '');
      return reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').send(text);
    },
  );
};
