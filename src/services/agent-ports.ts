/**
 * What the agent gateway needs (ADR 0015): the agents' table, and the two cryptographic acts the
 * service asks of an adapter — sealing a camera source to an agent's recipient and signing a plan.
 */
import type { AgentRecord } from '../core/agents/agent.js';
import type { Repositories, UnitOfWork } from './ports.js';

export interface AgentRepository {
  insert(a: AgentRecord): Promise<void>;
  update(a: AgentRecord): Promise<void>;
  get(id: string): Promise<AgentRecord | undefined>;
  byCodeHash(hash: string): Promise<AgentRecord | undefined>;
  list(): Promise<AgentRecord[]>;
  /** Records a heartbeat without touching anything else (no audit: it comes every few seconds). */
  seen(id: string, at: string, report: string | null): Promise<void>;
}

export interface AgentRepositories extends Repositories {
  readonly agents: AgentRepository;
}

export type AgentStore = UnitOfWork<AgentRepositories>;

export interface AgentCrypto {
  /** base64 of an age file holding `text`, sealed to this age recipient (age1…); error text when it is not one. */
  sealTo(recipient: string, text: string): string;
  /** Ed25519 over bytes, base64url. */
  sign(bytes: Buffer): string;
  /** The signing key's public half (PEM), for the agent to pin at enrolment. */
  publicKeyPem(): string;
  /** SHA-256 (hex) of a secret (codes, tokens). */
  hash(secret: string): string;
  /** Random secrets: a code of `length` characters from the alphabet, and a token secret. */
  code(alphabet: string, length: number): string;
  tokenSecret(): string;
}
