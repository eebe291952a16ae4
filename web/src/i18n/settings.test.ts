/**
 * The server's registry of settings (src/core/registry/settings.ts) is the list the Settings page
 * labels: every setting has a label and a help text in Dutch and in English, and every section a name.
 */
import { describe, expect, it } from 'vitest';
import { SETTING_DEFS } from '../../../src/core/registry/settings.js';
import { DICTIONARIES } from './index.js';

describe('settings texts', () => {
  for (const [lang, t] of Object.entries(DICTIONARIES)) {
    it.each(SETTING_DEFS.map((d) => [d.key, d] as const))(
      `${lang}: %s has a label, help and section`,
      (key, d) => {
        const texts = (t.settings.items as Partial<Record<string, { label: string; help: string }>>)[key];
        expect(texts?.label.trim()).toBeTruthy();
        expect(texts?.help.trim()).toBeTruthy();
        // The label is words, never the key itself.
        expect(texts?.label).not.toContain(key);
        expect(t.settings.sections[d.section].trim()).toBeTruthy();
      },
    );
  }
});
