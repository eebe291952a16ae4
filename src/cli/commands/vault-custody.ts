/**
 * The CLI side of key custody, shared by `vault init|custody|reshare|share export|status` and
 * `clip decrypt --share`: reading the enrolment from the options, asking custodians for their
 * passphrases at the terminal, and gathering shares (files or stored ones) for a combine. The
 * rules are core/custody's, the cryptography adapters/vault/custody.ts's.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import { createCustodyStore } from '../../adapters/db/repositories/custody-store.js';
import {
  openShare,
  sealingOf,
  splitAndSeal,
  wipeShares,
  type ShareHolder,
} from '../../adapters/vault/custody.js';
import {
  generateIdentity,
  parseRecipient,
  readIdentityFile,
  type AgeIdentity,
  type AgeRecipient,
} from '../../adapters/vault/keys.js';
import { vaultPaths } from '../../compose/recording.compose.js';
import type { Runtime } from '../../main.js';
import {
  checkEnrolments,
  checkPassphrase,
  DEFAULT_PLAN,
  nextShareSet,
  parseEnrolment,
  parsePlan,
  type CustodyPlan,
} from '../../core/custody/custody.js';
import type { ShareDocument } from '../../core/custody/share-document.js';
import type { Result } from '../../core/result.js';
import { custodyService, type CustodyService, type CustodyStatus } from '../../services/custody.service.js';
import { DEMO_CUSTODIANS, DEMO_CUSTODY_PASSPHRASE } from '../../services/demo.service.js';
import type { UserRecord } from '../../services/ports.js';
import { CliError, EXIT } from '../io.js';
import type { OpenSecretPrompt, SecretPrompt } from '../secret-prompt.js';

/** Attempts per passphrase at the terminal before the command gives up. */
const ATTEMPTS = 3;

export const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw CliError.fromDomain(r.error);
  return r.value;
};

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const custodyOf = (rt: Runtime): CustodyService =>
  custodyService({ store: createCustodyStore(rt.database), clock: rt.clock });

/** The vault key in use: the configured recipient, else the one `vault init` stored. */
export const vaultInUse = async (config: Config): Promise<AgeRecipient> => {
  const text =
    config.vaultRecipient ??
    (await readFile(vaultPaths(config).recipientFile, 'utf8').catch(() => undefined));
  const r = parseRecipient(text);
  if (!r.ok)
    throw new CliError(
      r.error.code === 'VAULT.KEY_MISSING'
        ? 'VAULT.KEY_MISSING: this installation has no vault key yet; create one with `proportio vault init`'
        : `${r.error.code}: ${r.error.message}`,
      r.error.code === 'VAULT.KEY_MISSING' ? EXIT.CONFIG : EXIT.DATA_ERR,
      r.error.code,
    );
  return r.value;
};

/**
 * Writes the recipient for the server — only once its shares are stored: a recipient without
 * shares would seal clips nobody can open. `replace` only for a file that holds no valid key.
 */
export const storeRecipient = async (
  config: Config,
  recipient: string,
  replace: boolean,
): Promise<string> => {
  const paths = vaultPaths(config);
  await mkdir(paths.vaultDir, { recursive: true, mode: 0o700 });
  const fh = await open(paths.recipientFile, replace ? 'w' : 'wx', 0o600);
  try {
    await fh.writeFile(`${recipient}\n`, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  return paths.recipientFile;
};

/**
 * For `serve --demo` on an empty store without a vault key: a new key under 2-of-3 custody of the
 * demo custodians, each with the demo passphrase. Null when a key is already configured.
 */
export const setUpDemoCustody = async (rt: Runtime): Promise<CustodyStatus | null> => {
  if (rt.config.vaultRecipient !== undefined) return null;
  const existing = await readFile(vaultPaths(rt.config).recipientFile, 'utf8').catch(() => undefined);
  if (existing !== undefined) return null;
  const custody = custodyOf(rt);
  const users = must(await custody.custodians(DEMO_CUSTODIANS));
  const identity = generateIdentity();
  let status: CustodyStatus;
  try {
    const set = nextShareSet(identity.recipient.text, DEFAULT_PLAN, undefined);
    const holders = users.map((u) => ({
      custodianId: u.id,
      username: u.username,
      sealing: { passphrase: DEMO_CUSTODY_PASSPHRASE },
    }));
    status = must(
      await custody.establish(
        { kind: 'system', name: 'demo' },
        {
          action: 'vault.init',
          set,
          shares: await splitAndSeal(identity, set, holders),
          details: { demo: true },
        },
      ),
    );
  } finally {
    identity.destroy();
  }
  await storeRecipient(rt.config, status.set.vault, false);
  return status;
};

export const demoCustodyText = (status: CustodyStatus): string =>
  `Demo key custody: ${status.set.threshold} of ${status.set.shares} custodians open a clip together (passphrase for each: ${DEMO_CUSTODY_PASSPHRASE}): ${status.shares.map((s) => s.username).join(', ')}. The vault key itself was never written anywhere (docs/custody.md).`;

export interface EnrolmentOptions {
  readonly custodians?: string;
  readonly threshold?: string;
  readonly custodian: readonly string[];
}

export interface Enrolled {
  readonly plan: CustodyPlan;
  readonly enrolments: ReadonlyArray<{ readonly username: string; readonly recipient: AgeRecipient | null }>;
}

/** `--custodians N --threshold K --custodian USER[=age1…]…`, checked before anything happens. */
export const readEnrolment = (opts: EnrolmentOptions): Enrolled => {
  const plan = must(parsePlan(opts));
  const enrolments = must(
    checkEnrolments(
      plan,
      opts.custodian.map((c) => must(parseEnrolment(c))),
    ),
  );
  return {
    plan,
    enrolments: enrolments.map((e) => {
      if (e.recipient === null) return { username: e.username, recipient: null };
      const r = parseRecipient(e.recipient);
      if (!r.ok)
        throw new CliError(
          `CUSTODY.CUSTODIAN_INVALID: the age key given for ${e.username} is not a valid age1… recipient`,
          EXIT.DATA_ERR,
          'CUSTODY.CUSTODIAN_INVALID',
        );
      return { username: e.username, recipient: r.value };
    }),
  };
};

const who = (u: UserRecord): string => (u.displayName ? `${u.displayName} (${u.username})` : u.username);

/**
 * Asks until `check` accepts the answer (returns null), at most ATTEMPTS times; says each
 * problem, and gives up with the last one.
 */
const askUntil = async (
  prompt: SecretPrompt,
  question: string,
  check: (answer: string) => Promise<string | null>,
  say: (text: string) => void,
  giveUp: (problem: string) => CliError,
): Promise<string> => {
  let problem = '';
  for (let i = 0; i < ATTEMPTS; i++) {
    const answer = await prompt.ask(question);
    const p = await check(answer);
    if (p === null) return answer;
    problem = p;
    if (i + 1 < ATTEMPTS) say(`${p}; try again.`);
  }
  throw giveUp(problem);
};

/**
 * Each passphrase custodian types a new passphrase twice at this terminal (nobody else should
 * watch); key custodians need nothing here. Returns the holders in the order named.
 */
export const askNewPassphrases = async (
  openPrompt: OpenSecretPrompt,
  say: (text: string) => void,
  users: readonly UserRecord[],
  enrolled: Enrolled,
): Promise<ShareHolder[]> => {
  const needsPrompt = enrolled.enrolments.some((e) => e.recipient === null);
  const prompt = needsPrompt ? openPrompt() : null;
  try {
    const holders: ShareHolder[] = [];
    for (const [i, e] of enrolled.enrolments.entries()) {
      const u = users[i];
      if (u === undefined) throw new Error('one account per enrolment');
      if (e.recipient !== null || prompt === null) {
        holders.push({ custodianId: u.id, username: u.username, sealing: { recipient: e.recipient! } });
        continue;
      }
      say(
        `Custodian ${who(u)}: choose a passphrase for your share (at least 12 characters; nobody else watching).`,
      );
      const passphrase = await askUntil(
        prompt,
        `Nieuwe wachtwoordzin / new passphrase for ${u.username}: `,
        async (answer) => {
          const weak = checkPassphrase(answer);
          if (!weak.ok) return `CUSTODY.WEAK_PASSPHRASE: ${weak.error.message}`;
          const again = await prompt.ask(`Nog een keer / again: `);
          return again === answer ? null : 'the two passphrases differ';
        },
        say,
        (problem) =>
          new CliError(
            `${problem}; nothing was changed`,
            EXIT.DATA_ERR,
            problem.startsWith('CUSTODY.') ? 'CUSTODY.WEAK_PASSPHRASE' : undefined,
          ),
      );
      holders.push({ custodianId: u.id, username: u.username, sealing: { passphrase } });
    }
    return holders;
  } finally {
    prompt?.close();
  }
};

export interface ShareSources {
  /** `--share FILE`: exported sealed shares. */
  readonly files: readonly string[];
  /** `--share-of USER`: the sealed share the server stores for that custodian. */
  readonly of: readonly string[];
  /** `--share-identity FILE`: age identities that open key-sealed shares. */
  readonly identities: readonly string[];
}

export const hasShares = (s: ShareSources): boolean => s.files.length + s.of.length > 0;

/**
 * Opens every given share: a passphrase share asks its custodian at the terminal (three tries),
 * a key-sealed one uses the --share-identity files. Stored shares need the database (`custody`).
 */
export const gatherShares = async (
  sources: ShareSources,
  ctx: {
    readonly openPrompt: OpenSecretPrompt;
    readonly say: (text: string) => void;
    readonly vault: string;
    readonly custody: CustodyService | null;
  },
): Promise<ShareDocument[]> => {
  const sealed: Array<{ label: string; bytes: Uint8Array }> = [];
  for (const file of sources.files) {
    const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read the share file ${file}: ${e.code ?? 'error'}`, EXIT.NO_INPUT);
    });
    sealed.push({ label: `the share in ${path.basename(file)}`, bytes });
  }
  if (sources.of.length > 0) {
    if (ctx.custody === null)
      throw new CliError(
        '--share-of needs the database; offline, use exported share files (--share FILE)',
        EXIT.USAGE,
      );
    const status = await ctx.custody.status(ctx.vault);
    for (const username of sources.of) {
      const s = status?.shares.find((x) => x.username === username);
      if (s === undefined || s.sealed === null)
        throw new CliError(
          `CUSTODY.NOT_A_CUSTODIAN: ${username} holds no share of the current set`,
          EXIT.NO_INPUT,
          'CUSTODY.NOT_A_CUSTODIAN',
        );
      sealed.push({ label: `the share of ${s.displayName || username}`, bytes: s.sealed });
    }
  }
  let identities: AgeIdentity[] | null = null;
  const keyIdentities = async (): Promise<AgeIdentity[]> => {
    if (identities !== null) return identities;
    if (sources.identities.length === 0)
      throw new CliError(
        'a share sealed to an age key needs that key: --share-identity FILE',
        EXIT.USAGE,
        'VAULT.KEY_MISSING',
      );
    identities = [];
    for (const f of sources.identities) identities.push(...must(await readIdentityFile(f)));
    return identities;
  };
  let prompt: SecretPrompt | null = null;
  const docs: ShareDocument[] = [];
  try {
    for (const s of sealed) {
      const sealing = must(sealingOf(s.bytes));
      if (sealing === 'age-recipient') {
        docs.push(must(await openShare(s.bytes, { identities: await keyIdentities() })));
        continue;
      }
      const p = (prompt ??= ctx.openPrompt());
      await askUntil(
        p,
        `Wachtwoordzin / passphrase for ${s.label}: `,
        async (answer) => {
          const r = await openShare(s.bytes, { passphrase: answer });
          if (r.ok) {
            docs.push(r.value);
            return null;
          }
          if (r.error.code !== 'VAULT.WRONG_PASSPHRASE') throw CliError.fromDomain(r.error);
          return `VAULT.WRONG_PASSPHRASE: the passphrase does not open ${s.label}`;
        },
        ctx.say,
        (problem) => new CliError(problem, EXIT.NO_PERM, 'VAULT.WRONG_PASSPHRASE'),
      );
    }
    return docs;
  } catch (e) {
    wipeShares(docs);
    throw e;
  } finally {
    prompt?.close();
  }
};
