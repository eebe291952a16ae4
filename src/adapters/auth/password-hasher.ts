import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is an ambient const enum (unusable with verbatimModuleSyntax): 2 = Argon2id.
const ARGON2ID = 2;
import type { PasswordHasher } from '../../services/ports.js';

/** argon2id with OWASP's second recommended profile (m=19 MiB, t=2, p=1). */
export const argon2Hasher = (opts: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher => ({
  hash: (password) =>
    hash(password, {
      algorithm: ARGON2ID,
      memoryCost: opts.memoryCost ?? 19_456,
      timeCost: opts.timeCost ?? 2,
      parallelism: 1,
    }),
  verify: async (h, password) => {
    try {
      return await verify(h, password);
    } catch {
      return false;
    }
  },
});
