/**
 * Every health code in docs/operations.md is translated by the web banner (nl and en), so an item
 * such as `storage.full` reads as a sentence on every screen instead of the server's English.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANGUAGES } from '../../web/src/i18n/index.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/operations.md'), 'utf8');
// The codes table is the section "## Codes"; later sections have tables of file names.
const codes = doc.slice(doc.indexOf('\n## Codes'), doc.indexOf('\n## ', doc.indexOf('\n## Codes') + 1));
const documented = [...codes.matchAll(/^\| `([a-z0-9-]+(?:\.[a-z0-9-]+)+)`/gm)].map((m) => m[1]!);
// Items with status ok are never shown in the banner.
const shown = documented.filter((c) => c !== 'camera.online');

describe('health codes on the banner', () => {
  it('docs/operations.md lists storage.full', () => {
    expect(documented).toContain('storage.full');
    expect(documented).toContain('vault.unavailable');
  });

  for (const lang of LANGUAGES)
    it(`every documented code has a ${lang} sentence`, () => {
      const missing = shown.filter((c) => DICTIONARIES[lang].health.codes[c] === undefined);
      expect(missing).toEqual([]);
      expect(DICTIONARIES[lang].health.codes['storage.full']!({ since: '4-12-2026 21:00' })).toContain(
        '4-12-2026 21:00',
      );
    });
});
