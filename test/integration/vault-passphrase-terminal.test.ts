/**
 * The real passphrase prompt: `proportio vault init` as an operator runs it, in a terminal
 * (script(1) gives it one). The custodian types after the prompt appears, twice; nothing typed is
 * echoed, and the passphrase is nowhere in what the terminal showed. SQLite only: this is about
 * the terminal, not the database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptWithPassphrase } from '../../src/adapters/vault/age-scrypt.js';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { createCustodyStore } from '../../src/adapters/db/repositories/custody-store.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';

const root = path.resolve(import.meta.dirname, '../..');
const hasScript = toolsAvailable('passphrase prompt', 'script');
const PASS = 'Paarse olifant op het stadhuis';

/** Runs the CLI in a terminal; `answer` gives what to type when the screen shows a prompt. */
const inTerminal = (
  args: readonly string[],
  env: Record<string, string>,
  answer: (screen: string) => string | null,
): Promise<{ code: number | null; screen: string }> =>
  new Promise((resolve, reject) => {
    const command = [process.execPath, '--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args]
      .map((a) => `'${a}'`)
      .join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let answered = 0;
    child.stdout.on('data', (b: Buffer) => {
      screen += b.toString();
      const typed = answer(screen.slice(answered));
      if (typed !== null) {
        answered = screen.length;
        child.stdin.write(typed);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, screen }));
  });

describe.skipIf(!hasScript)('the passphrase prompt in a terminal', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect: 'sqlite', demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
  });
  afterAll(async () => t.close());

  it('asks each passphrase custodian twice, without echo, and seals their share with what they typed', async () => {
    const { code, screen } = await inTerminal(
      [
        'vault',
        'init',
        '--custodian',
        'fg',
        '--custodian',
        `beveiliging=${generateIdentity().recipient.text}`,
        '--custodian',
        `secretaris=${generateIdentity().recipient.text}`,
      ],
      { PROPORTIO_DATA_DIR: t.dataDir, PROPORTIO_LOG_LEVEL: 'silent', PROPORTIO_MQTT_PORT: '-1' },
      (fresh) => (/new passphrase for fg: $|again: $/.test(fresh) ? `${PASS}\r` : null),
    );
    expect(code, screen).toBe(0);
    expect(screen).toContain('Nieuwe wachtwoordzin / new passphrase for fg: ');
    expect(screen).toContain('Nog een keer / again: ');
    expect(screen).toContain('2 of 3');
    expect(screen).not.toContain(PASS);
    const fg = (await t.rt.store.read.users.findByUsername('fg'))!;
    const shares = await createCustodyStore(t.rt.database).read.custody.currentShares(
      (await t.rt.store.read.audit.page({ limit: 1, action: 'vault.init' }))[0]!.details.recipient as string,
    );
    const own = shares.find((s) => s.custodianId === fg.id)!;
    const opened = await decryptWithPassphrase(PASS, own.sealed!);
    expect(opened.ok && opened.value.toString('latin1')).toContain('custodian: fg\n');
  });
});
