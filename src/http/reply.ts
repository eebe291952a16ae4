/**
 * What every route file needs to answer: a service's Result as JSON or problem+json, the acting
 * user, and 404 for an id that names nothing (or nothing this user may see).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Result } from '../core/result.js';
import type { Actor } from '../services/ports.js';
import { problemOf, sendDomainError, sendProblem } from './problem.js';

/** The value with `status` (default 200), or the error as its problem. */
export const respond = <T>(reply: FastifyReply, r: Result<T>, status = 200): FastifyReply =>
  r.ok ? reply.status(status).send(r.value) : sendDomainError(reply, r.error);

/** The value, or undefined once the error went out as its problem (for handlers that go on). */
export const valueOrProblem = async <T>(reply: FastifyReply, r: Result<T>): Promise<T | undefined> => {
  if (r.ok) return r.value;
  await sendDomainError(reply, r.error);
  return undefined;
};

/** Who acts; only called on routes whose access needs a login (the auth hook has set it). */
export const actor = (req: FastifyRequest): Actor => req.auth!.actor;

/** 404 RESOURCE.NOT_FOUND: "<what> <id> does not exist". */
export const notFound = (reply: FastifyReply, what: string, id: string): FastifyReply =>
  sendProblem(reply, problemOf('RESOURCE.NOT_FOUND', `${what} ${id} does not exist`));

/** The thing, or 404 when there is none. */
export const found = <T>(reply: FastifyReply, what: string, id: string, v: T | undefined): FastifyReply =>
  v === undefined ? notFound(reply, what, id) : reply.send(v);

/** 204 without a body. */
export const noContent = (reply: FastifyReply): FastifyReply => reply.status(204).send();
