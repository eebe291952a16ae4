/**
 * Complaints and regulator inquiries (issue 12 §3, docs/rights.md). Reading needs complaints:read
 * (privacy officer, accountable official, auditor), every change complaints:manage (the privacy
 * officer). A complaint about one site is not there for a user of other sites (404); one about
 * the organisation as a whole only for users serving every site.
 */
import { Type, type Static, type TSchema } from 'typebox';
import type { ComplaintTimeliness, NewComplaintInput } from '../../../core/complaints/complaint.js';
import type { Result } from '../../../core/result.js';
import type { ComplaintEvent } from '../../../services/complaints-ports.js';
import type {
  ComplaintDetail,
  ComplaintListFilter,
  ComplaintView,
  LinkView,
} from '../../../services/complaints.service.js';
import type { Actor } from '../../../services/ports.js';
import type { RoutesPlugin } from '../../route-types.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  AnswerBody,
  ComplaintDetailSchema,
  ComplaintEventSchema,
  ComplaintSchema,
  ComplaintsQuery,
  EmptyBody,
  EntryBody,
  ExtendBody,
  LinkBody,
  LinkSchema,
  NewComplaintBody,
  PeriodQuery,
  TimelinessSchema,
} from './complaints-schemas.js';

export interface ComplaintRouteDeps {
  readonly list: (viewer: Actor, filter: ComplaintListFilter) => Promise<ComplaintView[]>;
  readonly get: (viewer: Actor, id: string) => Promise<Result<ComplaintDetail>>;
  readonly create: (actor: Actor, input: NewComplaintInput) => Promise<Result<ComplaintView>>;
  readonly start: (actor: Actor, id: string) => Promise<Result<ComplaintView>>;
  readonly extend: (
    actor: Actor,
    id: string,
    input: { reasons: string; regulatorDueOn?: string | null },
  ) => Promise<Result<ComplaintView>>;
  readonly addEntry: (
    actor: Actor,
    id: string,
    input: { type: string; text: string },
  ) => Promise<Result<ComplaintEvent[]>>;
  readonly link: (
    actor: Actor,
    id: string,
    input: { add?: { kind: string; targetId: string }[]; remove?: { kind: string; targetId: string }[] },
  ) => Promise<Result<LinkView[]>>;
  readonly answer: (
    actor: Actor,
    id: string,
    input: { outcome: string; explanation: string },
  ) => Promise<Result<ComplaintView>>;
  readonly close: (actor: Actor, id: string) => Promise<Result<ComplaintView>>;
  readonly complaintsInPeriod: (
    viewer: Actor,
    from: string,
    to: string,
  ) => Promise<Result<ComplaintTimeliness[]>>;
}

const C = '/api/complaints';
const read = { access: 'complaints:read', sites: 'complaint' } as const;
const manage = { access: 'complaints:manage', sites: 'complaint' } as const;
const changed = { 200: ComplaintSchema, ...errorResponses(400, 401, 403, 404, 409, 422) };

export const complaintRoutes: RoutesPlugin<ComplaintRouteDeps> = async (app, d) => {
  app.get(
    C,
    {
      config: { access: 'complaints:read' },
      schema: {
        tags: ['complaints'],
        summary:
          'Complaints and regulator inquiries with where each stands against its deadline (filters: status, kind, source, deadline, open)',
        querystring: ComplaintsQuery,
        response: { 200: Type.Array(ComplaintSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const q = req.query;
      return d.list(actor(req), {
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.kind !== undefined ? { kind: q.kind } : {}),
        ...(q.source !== undefined ? { source: q.source } : {}),
        ...(q.deadline !== undefined ? { deadline: q.deadline } : {}),
        ...(q.open === 'true' ? { open: true } : {}),
      });
    },
  );

  app.get(
    `${C}/timeliness`,
    {
      config: { access: 'complaints:read' },
      schema: {
        tags: ['complaints'],
        summary:
          'Complaints and inquiries received in a period with their deadline, answer day, timeliness and outcome (no personal details)',
        querystring: PeriodQuery,
        response: { 200: Type.Array(TimelinessSchema), ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) =>
      respond(reply, await d.complaintsInPeriod(actor(req), req.query.from, req.query.to)),
  );

  app.post(
    C,
    {
      config: { access: 'complaints:manage' },
      schema: {
        tags: ['complaints'],
        summary: 'Register a complaint or an inquiry from the regulator',
        body: NewComplaintBody,
        response: { 201: ComplaintSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.create(actor(req), req.body), 201),
  );

  app.get(
    `${C}/:id`,
    {
      config: read,
      schema: {
        tags: ['complaints'],
        summary: 'One complaint or inquiry with its timeline and links',
        params: IdParams,
        response: { 200: ComplaintDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await d.get(actor(req), req.params.id)),
  );

  const step = <B extends TSchema>(
    path: string,
    summary: string,
    body: B,
    run: (a: Actor, id: string, body: Static<B>) => Promise<Result<ComplaintView>>,
  ) =>
    app.post(
      `${C}/:id/${path}`,
      {
        config: manage,
        schema: { tags: ['complaints'], summary, params: IdParams, body, response: changed },
      },
      async (req, reply) => respond(reply, await run(actor(req), req.params.id, req.body as Static<B>)),
    );
  step('start', 'Start handling (received → in progress)', EmptyBody, (a, id) => d.start(a, id));
  step(
    'extend',
    "More time: a complaint once by four weeks, announced within six (Awb art. 9:11 lid 2); an inquiry the regulator's new date",
    ExtendBody,
    d.extend,
  );
  step('answer', 'The outcome and its explanation went out today: the clock stops', AnswerBody, d.answer);
  step('close', 'Close an answered complaint', EmptyBody, (a, id) => d.close(a, id));

  app.post(
    `${C}/:id/entries`,
    {
      config: manage,
      schema: {
        tags: ['complaints'],
        summary: 'Add a timeline entry (note, action taken, letter sent, …)',
        params: IdParams,
        body: EntryBody,
        response: { 200: Type.Array(ComplaintEventSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.addEntry(actor(req), req.params.id, req.body)),
  );

  app.post(
    `${C}/:id/links`,
    {
      config: manage,
      schema: {
        tags: ['complaints'],
        summary: "Link or unlink assessments, rooms and residents' requests",
        params: IdParams,
        body: LinkBody,
        response: { 200: Type.Array(LinkSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await d.link(actor(req), req.params.id, req.body)),
  );
};
