/** The incident register: list, detail, report, manual entry and statistics (docs/alarms.md). */
import type { RoutesPlugin } from '../../route-types.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TObject } from 'typebox';
import { STAT_GROUPS } from '../../../core/alarm/statistics.js';
import type { IncidentFilter } from '../../../services/alarm-ports.js';
import type { IncidentService } from '../../../services/incident.service.js';
import { problemOf, sendProblem } from '../../problem.js';
import { actor, respond } from '../../reply.js';
import { Id, IdParams, Nullable, errorResponses, strict } from '../../schemas.js';
import {
  IsoTime,
  IncidentSummarySchema,
  IncidentSchema,
  ReportFields,
  BucketSchema,
  FilterQuery,
  RegisterPageSchema,
  RegisterQuery,
} from './incident-schemas.js';
import { periodOf } from '../../period.js';

const userOf = (req: FastifyRequest) => req.auth!.user;

/** ISO times from the query string, normalised; a date alone means its start (UTC). */
const isoOrUndefined = (v: string | undefined): string | undefined | null => {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

/** The query of the register and of its statistics (the register also takes unreported and limit). */
type FilterParams = Static<TObject<typeof FilterQuery>> & { unreported?: boolean; limit?: number };

const filterOf = (
  req: FastifyRequest & { query: FilterParams },
  reply: FastifyReply,
): IncidentFilter | undefined => {
  const q = req.query;
  const from = isoOrUndefined(q.from);
  const to = isoOrUndefined(q.to);
  if (from === null || to === null) {
    void sendProblem(
      reply,
      problemOf('REQUEST.INVALID', `${from === null ? 'from' : 'to'} is not a valid time`, {
        errors: [{ field: from === null ? 'from' : 'to', message: 'is not a valid time' }],
      }),
    );
    return undefined;
  }
  const siteIds = userOf(req).siteIds;
  return {
    ...(q.siteId ? { siteId: q.siteId } : {}),
    ...(siteIds.length > 0 ? { siteIds } : {}),
    ...(q.roomId ? { roomId: q.roomId } : {}),
    ...(q.conversationTypeId ? { conversationTypeId: q.conversationTypeId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(q.unreported ? { unreported: true } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
  };
};

export const incidentRoutes: RoutesPlugin<{ incidents: IncidentService }> = async (app, opts) => {
  const { incidents } = opts;

  app.get(
    '/api/incidents',
    {
      config: { access: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary: 'The incident register, newest first (narratives are read one incident at a time)',
        querystring: Type.Object(
          {
            ...FilterQuery,
            unreported: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
          },
          strict,
        ),
        response: { 200: Type.Array(IncidentSummarySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const f = filterOf(req, reply);
      return f ? incidents.list(f) : reply;
    },
  );

  app.get(
    '/api/incidents/register',
    {
      config: { access: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary:
          'One page of the incident register, newest first, with the number of incidents the filters select: site, room, kind, severity, reported or still to complete, police report, period and a search of the follow-up, police reference and (for readers of narratives) the narrative',
        querystring: RegisterQuery,
        response: { 200: RegisterPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const period = periodOf(q.from, q.to);
      if ('field' in period)
        return sendProblem(
          reply,
          problemOf('REQUEST.INVALID', `${period.field} ${period.message}`, {
            errors: [{ field: period.field, message: period.message }],
          }),
        );
      const limit = q.limit ?? 25;
      const offset = q.offset ?? 0;
      const siteIds = userOf(req).siteIds;
      const page = await incidents.register(userOf(req), {
        ...(q.siteId ? { siteId: q.siteId } : {}),
        ...(siteIds.length > 0 ? { siteIds } : {}),
        ...(q.roomId ? { roomId: q.roomId } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.severity !== undefined ? { severity: q.severity } : {}),
        ...(q.status ? { reported: q.status === 'reported' } : {}),
        ...(q.policeReport !== undefined ? { policeReport: q.policeReport } : {}),
        ...(q.q?.trim() ? { text: q.q.trim() } : {}),
        ...period,
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },
  );

  app.get(
    '/api/incidents/stats',
    {
      config: { access: 'incidents:read' },
      schema: {
        tags: ['incidents'],
        summary:
          'Counts by kind and severity, injuries, police reports and response times, grouped by site, room, conversation type, kind or period',
        querystring: Type.Object(
          { ...FilterQuery, groupBy: Type.Union(STAT_GROUPS.map((g) => Type.Literal(g))) },
          strict,
        ),
        response: {
          200: Type.Object({
            groupBy: Type.String(),
            from: Nullable(Type.String()),
            to: Nullable(Type.String()),
            total: BucketSchema,
            groups: Type.Array(BucketSchema),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const f = filterOf(req, reply);
      return f ? incidents.statistics(req.query.groupBy, f) : reply;
    },
  );

  app.get(
    '/api/incidents/to-report',
    {
      config: { access: 'incidents:report' },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents I still have to report',
        response: { 200: Type.Array(IncidentSummarySchema), ...errorResponses(401, 403) },
      },
    },
    async (req) => incidents.toReport(userOf(req)),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: 'incidents:read', sites: 'incident' },
      schema: {
        tags: ['incidents'],
        summary: 'One incident with its report',
        params: IdParams,
        response: { 200: IncidentSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await incidents.get(req.params.id, req.auth!.user)),
  );

  app.put(
    '/api/incidents/:id/report',
    {
      config: { access: 'incidents:report', sites: 'incident' },
      schema: {
        tags: ['incidents'],
        summary:
          'Complete (or amend) the report of an incident whose alarm is closed; every amendment is a new version, and only security can lower what security recorded',
        params: IdParams,
        body: Type.Object(ReportFields, strict),
        response: { 200: IncidentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      respond(reply, await incidents.report(actor(req), userOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/incidents',
    {
      config: { access: 'incidents:report' },
      schema: {
        tags: ['incidents'],
        summary: 'Enter an incident that had no alarm',
        body: Type.Object(
          { roomId: Id, conversationTypeId: Type.Optional(Id), occurredAt: IsoTime, ...ReportFields },
          strict,
        ),
        response: { 201: IncidentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      respond(reply, await incidents.createManual(actor(req), userOf(req), req.body), 201),
  );
};
