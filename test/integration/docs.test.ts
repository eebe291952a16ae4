/** Documentation that must follow the code: the error list and the environment variables. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../../scripts/docs-errors.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('docs', () => {
  it('docs/errors.md lists exactly the error catalogue (regenerate: npx tsx scripts/docs-errors.ts)', () => {
    expect(fs.readFileSync(path.join(root, 'docs/errors.md'), 'utf8')).toBe(renderErrorsDoc());
  });

  it('.env.example documents every variable config.ts reads', () => {
    const config = fs.readFileSync(path.join(root, 'src/config.ts'), 'utf8');
    const read = new Set([...config.matchAll(/\b(PROPORTIO_[A-Z0-9_]+)\b/g)].map((m) => m[1]!));
    const documented = new Set(
      [
        ...fs
          .readFileSync(path.join(root, '.env.example'), 'utf8')
          .matchAll(/^#?\s*(PROPORTIO_[A-Z0-9_]+)=/gm),
      ].map((m) => m[1]!),
    );
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((v) => !documented.has(v))).toEqual([]);
    expect([...documented].filter((v) => !read.has(v))).toEqual([]);
  });
});
