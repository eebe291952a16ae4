/**
 * Asking a custodian for a passphrase on the terminal, without echo. Read from /dev/tty (not
 * stdin), as `age` does, so a passphrase never travels through a pipe, a shell history or a file;
 * without a terminal the command refuses and says why. Tests inject their own SecretPrompt.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import tty from 'node:tty';
import { CliError, EXIT } from './io.js';

export interface SecretPrompt {
  /** Shows `prompt`, reads one line without echo. */
  ask(prompt: string): Promise<string>;
  close(): void;
}

export type OpenSecretPrompt = () => SecretPrompt;

const openTty = (flags: 'r' | 'w'): number => {
  try {
    return fs.openSync('/dev/tty', flags);
  } catch {
    throw new CliError(
      'a passphrase is asked on the terminal, and there is none: run this command in a terminal (or seal the share to an age key: --custodian USER=age1…, --share-identity FILE)',
      EXIT.USAGE,
    );
  }
};

export const ttySecretPrompt: OpenSecretPrompt = () => {
  // Two descriptors, one per stream: each stream closes its own.
  const input = new tty.ReadStream(openTty('r'));
  const screen = new tty.WriteStream(openTty('w'));
  // readline echoes what is typed to its output: give it one that swallows everything.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = readline.createInterface({ input, output: silent, terminal: true });
  const lines = rl[Symbol.asyncIterator]();
  let cancelled = false;
  rl.on('SIGINT', () => {
    cancelled = true;
    rl.close();
  });
  return {
    ask: async (prompt) => {
      screen.write(prompt);
      const line = await lines.next();
      screen.write('\n');
      if (line.done === true || cancelled) throw new CliError('cancelled; nothing was changed', EXIT.USAGE);
      return line.value;
    },
    close: () => {
      rl.close();
      input.destroy();
      screen.destroy();
    },
  };
};
