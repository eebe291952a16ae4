/**
 * RFC 9457 problem details. Every error the API returns has this shape, with a stable `code`
 * from the catalogue (docs/errors.md). 5xx details are never shown to the client.
 */
import type { FastifyReply } from 'fastify';
import { ERRORS, type ErrorCode } from '../core/errors.js';
import { isFieldRule, type FieldRule } from '../core/field-rules.js';
import type { DomainError } from '../core/result.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [ext: string]: unknown;
}

/**
 * One field a person must correct. `message` is English for API clients; `rule` and `params`
 * say the same machine-readably, so a UI can say it in its own language ("Het wachtwoord moet
 * minstens 12 tekens hebben"). Rules: see FIELD_RULES (docs/errors.md).
 */
export interface FieldError {
  field: string;
  message: string;
  rule?: FieldRule;
  params?: Record<string, string | number>;
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
    ? (e.details.errors as Array<{ path: string; message: string; rule?: string }>).map((x): FieldError => ({
        field: x.path,
        message: x.message,
        ...(typeof x.rule === 'string' && isFieldRule(x.rule) ? { rule: x.rule } : {}),
      }))
    : undefined;
  const field = typeof e.details?.field === 'string' ? e.details.field : undefined;
  const rule =
    typeof e.details?.rule === 'string' && isFieldRule(e.details.rule) ? e.details.rule : undefined;
  const params = isParams(e.details?.params) ? e.details.params : undefined;
  const one: FieldError | undefined =
    field === undefined
      ? undefined
      : { field, message: e.message, ...(rule ? { rule } : {}), ...(params ? { params } : {}) };
  const errors = listed ?? (one !== undefined ? [one] : undefined);
  return problemOf(e.code, e.message, {
    ...(errors ? { errors } : {}),
    ...(e.details ? { details: e.details } : {}),
  });
};

const isParams = (v: unknown): v is Record<string, string | number> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number');

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
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          message: { type: 'string', description: 'English, for API clients' },
          rule: {
            type: 'string',
            description: 'What is wrong, machine-readably (required, min-length, range, future, …)',
          },
          params: {
            type: 'object',
            additionalProperties: { type: ['string', 'number'] },
            description: 'The rule’s numbers or values, e.g. {"min": 12}',
          },
        },
      },
    },
  },
  additionalProperties: true,
} as const;
