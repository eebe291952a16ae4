/**
 * Private temporary folders for plaintext footage during a redaction step (issue 12 §2): mode
 * 0700 under one base folder of the data directory, removed when the step ends. The base is
 * emptied at start (clearScratch), so plaintext a crash left behind does not outlive the restart.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ScratchFolder } from '../../services/redaction-ports.js';

export const scratchFolder = async (base: string): Promise<ScratchFolder> => {
  await fs.mkdir(base, { recursive: true, mode: 0o700 });
  const dir = await fs.mkdtemp(path.join(base, 'step-'));
  const file = (name: string) => path.join(dir, path.basename(name));
  return {
    file,
    write: async (name, source) => {
      const target = file(name);
      await pipeline(Readable.from(source), createWriteStream(target, { mode: 0o600 }));
      return target;
    },
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
};

/** Removes every folder a step left in `base` (at start, before any step runs). */
export const clearScratch = async (base: string): Promise<void> => {
  await fs.rm(base, { recursive: true, force: true });
};
