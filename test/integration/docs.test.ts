/**
 * Documentation that must follow the code: the error list, the environment variables, and the
 * outside programs the tests run (installed by .ci/run, named in the README).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../../scripts/docs-errors.js';
import { OUTSIDE_TOOLS } from '../support/tools.js';

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

  it('.ci/run installs, and the README names, every Debian package whose program a test runs', () => {
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    const listed = ci.slice(ci.indexOf('packages=('), ci.indexOf(')', ci.indexOf('packages=(')));
    const installed = new Set(listed.replace(/#.*$/gm, '').split(/\s+/).slice(1).filter(Boolean));
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const packages = [...new Set(Object.values(OUTSIDE_TOOLS))];
    expect(packages).toContain('poppler-utils');
    expect(packages.filter((p) => !installed.has(p))).toEqual([]);
    expect(packages.filter((p) => !readme.includes(`\`${p}\``))).toEqual([]);
    for (const program of Object.keys(OUTSIDE_TOOLS).filter((p) => !p.includes(' ')))
      expect(readme, `README names ${program}`).toContain(`\`${program}\``);
  });
});
