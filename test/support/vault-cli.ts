/**
 * The vault commands run in-process, with their output captured and, for key custody, a scripted
 * terminal: each passphrase prompt takes the next answer and is recorded, and running out of
 * answers fails the command (a prompt nobody expected).
 */
import { Command } from 'commander';
import { registerVaultCommands } from '../../src/cli/commands/vault.command.js';
import { CliError, EXIT, type CliIo } from '../../src/cli/io.js';
import type { OpenSecretPrompt } from '../../src/cli/secret-prompt.js';
import type { TestRuntime } from './test-runtime.js';

/**
 * Points the CLI's configuration (read from process.env) at a test runtime's store; returns the
 * function that puts the environment back.
 */
export const useCliEnvironment = (t: TestRuntime): (() => void) => {
  const saved = { ...process.env };
  process.env.PROPORTIO_DATA_DIR = t.dataDir;
  process.env.PROPORTIO_LOG_LEVEL = 'silent';
  process.env.PROPORTIO_MQTT_PORT = '-1';
  if (t.rt.config.databaseUrl) process.env.PROPORTIO_DATABASE_URL = t.rt.config.databaseUrl;
  else delete process.env.PROPORTIO_DATABASE_URL;
  return () => {
    process.env = saved;
  };
};

export interface CliRun {
  readonly code: number;
  readonly out: string;
  /** What the command said on stderr (prompts' explanations, warnings). */
  readonly err: string;
  /** The error message, when it failed. */
  readonly message: string;
  /** The prompts shown, in order. */
  readonly asked: readonly string[];
}

export const runVaultCli = async (answers: readonly string[], args: readonly string[]): Promise<CliRun> => {
  const out: string[] = [];
  const errs: string[] = [];
  const asked: string[] = [];
  const queue = [...answers];
  const openPrompt: OpenSecretPrompt = () => ({
    ask: (q) => {
      asked.push(q);
      const a = queue.shift();
      return a === undefined
        ? Promise.reject(new CliError(`unexpected prompt: ${q}`, EXIT.USAGE))
        : Promise.resolve(a);
    },
    close: () => undefined,
  });
  const io: CliIo = { out: (s) => out.push(s), err: (s) => errs.push(s) };
  const program = new Command('proportio')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errs.push(s) });
  registerVaultCommands(program, io, openPrompt);
  const harden = (c: Command) => {
    c.exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errs.push(s) });
    c.commands.forEach(harden);
  };
  program.commands.forEach(harden);
  const done = (code: number, message: string): CliRun => ({
    code,
    out: out.join('\n'),
    err: errs.join('\n'),
    message,
    asked,
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return done(0, '');
  } catch (e) {
    if (e instanceof CliError) return done(e.exitCode, e.message);
    return done(EXIT.USAGE, (e as Error).message);
  }
};
