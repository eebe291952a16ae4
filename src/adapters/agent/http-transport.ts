/**
 * The recorder agent's way to the server (ADR 0015): plain HTTPS/HTTP with its bearer token. Every
 * call ends in one of three ways the agent treats differently: answered (2xx), refused (401: the
 * agent was revoked — it disarms and stops), or failed (no answer, 5xx, another 4xx — kept and
 * retried later; nothing is dropped).
 */
import type { AgentReport } from '../../core/agents/agent.js';
import type { SignedAgentPlan } from '../../core/agents/plan.js';

export class AgentRevoked extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentRevoked';
  }
}

export class AgentCallFailed extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'AgentCallFailed';
  }
}

export interface AgentEvent {
  readonly event: string;
  readonly data: unknown;
}

export interface AgentTransport {
  plan(): Promise<SignedAgentPlan>;
  heartbeat(report: AgentReport): Promise<void>;
  /** Resolves true once the server answered 2xx. */
  send(method: 'PUT' | 'POST', path: string, body: unknown): Promise<true>;
  putPart(
    clipId: string,
    index: number,
    sealed: Buffer,
    sha256: string,
    media: unknown,
  ): Promise<{ stored: boolean }>;
  /** Runs the event stream until `signal` aborts; resolves when the stream ends (the caller reconnects). */
  events(onEvent: (e: AgentEvent) => void, signal: AbortSignal): Promise<void>;
}

const TIMEOUT_MS = 30_000;

export const httpTransport = (server: string, token: string): AgentTransport => {
  const base = server.replace(/\/+$/, '');
  const call = async (path: string, init: RequestInit & { timeout?: number }): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.headers as Record<string, string> | undefined),
        },
        signal: init.signal ?? AbortSignal.timeout(init.timeout ?? TIMEOUT_MS),
      });
    } catch (e) {
      throw new AgentCallFailed(`the server did not answer: ${(e as Error).message}`, null);
    }
    if (res.status === 401) {
      const text = await res.text().catch(() => '');
      throw new AgentRevoked(`the server refused the agent's token (401): ${text.slice(0, 300)}`);
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new AgentCallFailed(
        `${init.method ?? 'GET'} ${path}: ${res.status} ${text.slice(0, 300)}`,
        res.status,
      );
    }
    return res;
  };
  return {
    plan: async () => (await (await call('/api/agent/plan', { method: 'GET' })).json()) as SignedAgentPlan,
    heartbeat: async (report) => {
      await call('/api/agent/heartbeat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ report }),
      }).then((r) => r.arrayBuffer());
    },
    send: async (method, path, body) => {
      await call(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.arrayBuffer());
      return true;
    },
    putPart: async (clipId, index, sealed, sha256, media) => {
      const res = await call(`/api/agent/clips/${encodeURIComponent(clipId)}/parts/${index}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          'x-part-sha256': sha256,
          ...(media === undefined
            ? {}
            : { 'x-part-media': Buffer.from(JSON.stringify(media), 'utf8').toString('base64url') }),
        },
        body: new Uint8Array(sealed),
        timeout: 120_000,
      });
      return (await res.json()) as { stored: boolean };
    },
    events: async (onEvent, signal) => {
      const res = await call('/api/agent/events', {
        method: 'GET',
        signal,
        headers: { accept: 'text/event-stream' },
      });
      if (res.body === null) return;
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true });
          for (let cut = buf.indexOf('\n\n'); cut >= 0; cut = buf.indexOf('\n\n')) {
            const frame = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of frame.split('\n')) {
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length === 0) continue;
            let parsed: unknown;
            try {
              parsed = JSON.parse(data.join('\n'));
            } catch {
              continue;
            }
            onEvent({ event, data: parsed });
          }
        }
      } catch (e) {
        if (signal.aborted) return;
        throw new AgentCallFailed(`the event stream broke: ${(e as Error).message}`, null);
      }
    },
  };
};

/** Enrolment: the one call made without a token (the code is the credential). */
export const enrolAgent = async (
  server: string,
  code: string,
  recipient: string,
): Promise<{ agentId: string; siteId: string; token: string; planKey: string }> => {
  const res = await fetch(`${server.replace(/\/+$/, '')}/api/agent/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, recipient }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (!res.ok)
    throw new AgentCallFailed(
      `${text(body.code) ?? res.status}: ${text(body.detail) ?? text(body.title) ?? 'enrolment refused'}`,
      res.status,
    );
  return body as { agentId: string; siteId: string; token: string; planKey: string };
};
