/**
 * RFC 9457 problem details. Every error the API returns has this shape, with a stable `code`
 * from the catalogue (docs/errors.md). 5xx details are never shown to the client.
 */
import type { FastifyReply } from 'fastify';
import { ERRORS, type ErrorCode } from '../core/errors.js';
import type { DomainError } from '../core/result.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: Array<{ field: string; message: string }>;
  [ext: string]: unknown;
}

export const problemType = (code: ErrorCode): string => `urn:proportio:error:${code.toLowerCase()}`;

export const problemOf = (code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem => ({
  type: problemType(code),
  title: ERRORS[code].title,
  status: ERRORS[code].status,
  code,
  detail,
  ...extra,
});

export const sendProblem = (reply: FastifyReply, problem: Problem): FastifyReply =>
  reply
    .status(problem.status)
    .type('application/problem+json')
    .send({ ...problem, instance: problem.instance ?? reply.request.url, requestId: reply.request.id });

/** Maps a domain error from a service to its problem response. */
export const sendDomainError = (reply: FastifyReply, e: DomainError): FastifyReply => {
  const field = typeof e.details?.field === 'string' ? e.details.field : undefined;
  return sendProblem(
    reply,
    problemOf(e.code, e.message, {
      ...(field ? { errors: [{ field, message: e.message }] } : {}),
      ...(e.details ? { details: e.details } : {}),
    }),
  );
};

/** JSON schema of a problem response, for OpenAPI. */
export const ProblemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
} as const;
