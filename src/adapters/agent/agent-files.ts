/**
 * What a recorder agent keeps on its own disk (ADR 0015), all in its state folder, mode 0600:
 *
 *   agent.json      server URL, agent id, site, bearer token, the server's plan key (PEM)
 *   identity.txt    the agent's own age identity (opens only camera sources in its plan)
 *   plan.json       the last signed plan, as received (recording continues under it offline)
 *   denials.json    objections and suspensions received, until a newer plan shows them
 *   outbox/         bookkeeping steps waiting for the server, one JSON file each, in order
 *   spool/          sealed clips waiting for upload (the vault's clip format; no plaintext)
 *   work/           ffmpeg's working folder (stays empty)
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface AgentCredentials {
  readonly server: string;
  readonly agentId: string;
  readonly siteId: string;
  readonly token: string;
  readonly planKey: string;
}

export const agentPaths = (stateDir: string) => ({
  credentials: path.join(stateDir, 'agent.json'),
  identity: path.join(stateDir, 'identity.txt'),
  plan: path.join(stateDir, 'plan.json'),
  denials: path.join(stateDir, 'denials.json'),
  outbox: path.join(stateDir, 'outbox'),
  spool: path.join(stateDir, 'spool'),
  work: path.join(stateDir, 'work'),
});

/** Writes a file durably under a temporary name and renames it into place (mode 0600). */
export const writeFileDurably = async (file: string, text: string): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
};

export const readJson = async <T>(file: string): Promise<T | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
};

/** One step of bookkeeping for the server, in the order the recorder made it. */
export type OutboxStep =
  | { readonly kind: 'clip-opened'; readonly clipId: string; readonly body: Record<string, unknown> }
  | {
      readonly kind: 'clip-extended';
      readonly clipId: string;
      readonly body: { alarmId: string; incidentId: string | null };
    }
  | { readonly kind: 'note'; readonly body: Record<string, unknown> }
  | { readonly kind: 'clip-ended'; readonly clipId: string; readonly body: Record<string, unknown> };

export interface QueuedStep {
  readonly seq: number;
  readonly at: string;
  readonly step: OutboxStep;
}

/**
 * The outbox: a folder of step files named by a sequence number, so the order survives a crash.
 * A step is removed only after the server answered it with 2xx.
 */
export const outbox = (dir: string) => {
  let next: number | undefined;
  const file = (seq: number) => path.join(dir, `${String(seq).padStart(12, '0')}.json`);
  const seqs = async (): Promise<number[]> => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return (await readdir(dir))
      .filter((f) => /^\d{12}\.json$/.test(f))
      .map((f) => Number(f.slice(0, 12)))
      .sort((a, b) => a - b);
  };
  // Appends are serialised: the sequence number is the order.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    append: (step: OutboxStep, at: string): Promise<void> => {
      const p = chain.then(async () => {
        if (next === undefined) next = ((await seqs()).at(-1) ?? 0) + 1;
        const seq = next++;
        await writeFileDurably(file(seq), JSON.stringify({ seq, at, step } satisfies QueuedStep));
      });
      chain = p.catch(() => undefined);
      return p;
    },
    list: async (): Promise<QueuedStep[]> => {
      const out: QueuedStep[] = [];
      for (const seq of await seqs()) {
        const q = await readJson<QueuedStep>(file(seq));
        if (q !== undefined) out.push(q);
      }
      return out;
    },
    remove: async (seq: number): Promise<void> => {
      await unlink(file(seq)).catch((e: unknown) => {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      });
    },
  };
};

export type Outbox = ReturnType<typeof outbox>;
