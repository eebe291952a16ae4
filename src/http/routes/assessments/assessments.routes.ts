/**
 * The assessment workflow over HTTP: list, read, create, change the input, live evaluation and
 * comparison for the wizard, the DPO's advice, the data subjects' views, human judgements,
 * submission, decision and withdrawal (the reports are documents.routes.ts). Every route declares
 * its permission.
 */
import type { RoutesPlugin } from '../../route-types.js';
import { Type } from 'typebox';
import type { AssessmentService } from '../../../services/assessment.service.js';
import { actor, respond } from '../../reply.js';
import { IdParams, errorResponses } from '../../schemas.js';
import {
  AdviceBody,
  AssessmentHeadSchema,
  ComparisonSchema,
  DecisionBody,
  EvaluationSchema,
  JudgementBody,
  ScenarioBody,
  SummarySchema,
  VersionQuery,
  VersionSchema,
  ViewsBody,
  WithdrawBody,
} from './assessment-schemas.js';

export const assessmentRoutes: RoutesPlugin<{ assessments: AssessmentService }> = async (app, opts) => {
  const svc = opts.assessments;
  const tags = ['assessments'];

  app.get(
    '/api/assessments',
    {
      config: { access: 'assessments:read' },
      schema: {
        tags,
        summary: 'List assessments with their latest version',
        response: { 200: Type.Array(SummarySchema), ...errorResponses(401, 403) },
      },
    },
    async () => svc.list(),
  );

  app.get(
    '/api/assessments/:id',
    {
      config: { access: 'assessments:read', sites: 'organisation' },
      schema: {
        tags,
        summary: 'One assessment with all its versions (oldest first)',
        params: IdParams,
        response: {
          200: Type.Object({ assessment: AssessmentHeadSchema, versions: Type.Array(VersionSchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req, reply) => respond(reply, await svc.get(req.params.id)),
  );

  app.post(
    '/api/assessments',
    {
      config: { access: 'assessments:write' },
      schema: {
        tags,
        summary:
          'Create an assessment (version 1, draft) from a scenario; evidence comes from the incident register',
        body: ScenarioBody,
        response: {
          201: Type.Object({ assessment: AssessmentHeadSchema, version: VersionSchema }),
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (req, reply) => respond(reply, await svc.create(actor(req), req.body), 201),
  );

  app.put(
    '/api/assessments/:id',
    {
      config: { access: 'assessments:write', sites: 'organisation' },
      schema: {
        tags,
        summary:
          'Change the scenario: edits an untouched draft, otherwise starts a new version (approved versions never change)',
        params: IdParams,
        body: ScenarioBody,
        response: {
          200: Type.Object({ version: VersionSchema, newVersion: Type.Boolean() }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => respond(reply, await svc.update(actor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/assessments/evaluate',
    {
      config: { access: 'assessments:write' },
      schema: {
        tags,
        summary: 'Live findings for a scenario (the wizard); writes nothing',
        body: ScenarioBody,
        response: { 200: EvaluationSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => respond(reply, await svc.evaluate(req.body.scenario)),
  );

  app.post(
    '/api/assessments/compare',
    {
      config: { access: 'assessments:write' },
      schema: {
        tags,
        summary: 'Every catalogue measure for the scenario’s scope, side by side; writes nothing',
        body: ScenarioBody,
        response: { 200: ComparisonSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => respond(reply, await svc.compare(req.body.scenario)),
  );

  app.get(
    '/api/assessments/:id/evaluation',
    {
      config: { access: 'assessments:read', sites: 'organisation' },
      schema: {
        tags,
        summary: 'Findings and verdict of a stored version (default: the latest)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: EvaluationSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await svc.evaluateStored(req.params.id, req.query.version)),
  );

  app.get(
    '/api/assessments/:id/comparison',
    {
      config: { access: 'assessments:read', sites: 'organisation' },
      schema: {
        tags,
        summary: 'Alternatives comparison of a stored version',
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: ComparisonSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => respond(reply, await svc.compareStored(req.params.id, req.query.version)),
  );

  app.post(
    '/api/assessments/:id/dpo-advice',
    {
      config: { access: 'assessments:advise', sites: 'organisation' },
      schema: {
        tags,
        summary: 'Record the DPO’s advice (GDPR Art. 35(2)) on the open version',
        params: IdParams,
        body: AdviceBody,
        response: { 200: VersionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await svc.recordDpoAdvice(actor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/assessments/:id/views',
    {
      config: { access: 'assessments:write', sites: 'organisation' },
      schema: {
        tags,
        summary:
          'Record the views of data subjects or their representatives, or why they were not sought (GDPR Art. 35(9))',
        params: IdParams,
        body: ViewsBody,
        response: { 200: VersionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await svc.recordViews(actor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/assessments/:id/judgements',
    {
      config: { access: 'assessments:write', sites: 'organisation' },
      schema: {
        tags,
        summary: 'Record your judgement on a review finding (your name is recorded)',
        params: IdParams,
        body: JudgementBody,
        response: { 200: VersionSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => respond(reply, await svc.recordJudgement(actor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/assessments/:id/submit',
    {
      config: { access: 'assessments:write', sites: 'organisation' },
      schema: {
        tags,
        summary: 'Submit the draft for decision',
        params: IdParams,
        response: { 200: VersionSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => respond(reply, await svc.submit(actor(req), req.params.id)),
  );

  app.post(
    '/api/assessments/:id/decision',
    {
      config: { access: 'assessments:decide', sites: 'organisation' },
      schema: {
        tags,
        summary:
          'Approve or reject the submitted version (four-eyes; the verdict is recomputed); recompiles the room policy',
        params: IdParams,
        body: DecisionBody,
        response: {
          200: Type.Object({
            version: VersionSchema,
            policyVersion: Type.Optional(
              Type.Object(
                { seq: Type.Integer(), trigger: Type.String(), hash: Type.String() },
                { additionalProperties: true },
              ),
            ),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => respond(reply, await svc.decide(actor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/assessments/:id/withdrawal',
    {
      config: { access: 'assessments:withdraw', sites: 'organisation' },
      schema: {
        tags,
        summary: 'Withdraw the assessment (every open or approved version); what it enabled stops at once',
        params: IdParams,
        body: WithdrawBody,
        response: {
          200: Type.Object({
            versions: Type.Array(VersionSchema),
            policyVersion: Type.Optional(
              Type.Object(
                { seq: Type.Integer(), trigger: Type.String(), hash: Type.String() },
                { additionalProperties: true },
              ),
            ),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => respond(reply, await svc.withdraw(actor(req), req.params.id, req.body)),
  );
};
