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

/**
 * The one mapping from a domain error to its problem: the code's status and title, the details
 * passed on, and the fields people must correct as `errors[{field, message}]` — every field the
 * error lists (the assessment engine names each wrong field by its path), else the one it names.
 */
export const problemOfError = (e: DomainError): Problem => {
  const listed = Array.isArray(e.details?.errors)
    ? (e.details.errors as Array<{ path: string; message: string }>).map((x) => ({
        field: x.path,
        message: x.message,
      }))
    : undefined;
  const field = typeof e.details?.field === 'string' ? e.details.field : undefined;
  const errors = listed ?? (field !== undefined ? [{ field, message: e.message }] : undefined);
  return problemOf(e.code, e.message, {
    ...(errors ? { errors } : {}),
    ...(e.details ? { details: e.details } : {}),
  });
};

/** A domain error from a service as its problem response. */
export const sendDomainError = (reply: FastifyReply, e: DomainError): FastifyReply =>
  sendProblem(reply, problemOfError(e));

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
