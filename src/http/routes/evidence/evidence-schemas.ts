/** Schemas of the evidence export routes (issue 10 §4). */
import { Type, type Static } from 'typebox';
import { strict } from '../../schemas.js';

/** Neither field: a plain ZIP. `recipient`: encrypted to an age public key; `passphrase`: to a passphrase. */
export const ExportBody = Type.Object(
  {
    recipient: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    passphrase: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  strict,
);
export type ExportBody = Static<typeof ExportBody>;

export const ExportKeySchema = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  fingerprint: Type.String(),
  pem: Type.String(),
});
export type ExportKeyView = Static<typeof ExportKeySchema>;
