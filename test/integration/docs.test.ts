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

/** Markdown without its fenced code blocks (links and headings there are not links and headings). */
const withoutCode = (md: string): string => md.replace(/^```[\s\S]*?^```/gm, '');

/** The fragments a Markdown file answers to: GitHub's heading ids (with -1, -2 for repeats) and <a id>. */
const anchorsOf = (md: string): Set<string> => {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  const text = withoutCode(md);
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(id!);
  return out;
};

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

  it('docs/deployment.md, docs/agents.md and compose.yaml name only variables config.ts reads', () => {
    const config = fs.readFileSync(path.join(root, 'src/config.ts'), 'utf8');
    const read = new Set([...config.matchAll(/\b(PROPORTIO_[A-Z0-9_]+)\b/g)].map((m) => m[1]!));
    for (const file of ['docs/deployment.md', 'docs/agents.md', 'compose.yaml']) {
      const named = [
        ...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\b(PROPORTIO_[A-Z0-9_]+)\b/g),
      ];
      expect(named.length, file).toBeGreaterThan(0);
      expect(
        [...new Set(named.map((m) => m[1]!))].filter((v) => !read.has(v)),
        file,
      ).toEqual([]);
    }
  });

  it('every relative link in the README and docs/ leads to a file of the repository, and a #fragment to its heading', () => {
    const files = [
      'README.md',
      'ARCHITECTURE.md',
      ...fs
        .readdirSync(path.join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
      ...fs.readdirSync(path.join(root, 'docs/adr')).map((f) => `docs/adr/${f}`),
    ];
    const broken: string[] = [];
    for (const file of files) {
      const text = withoutCode(fs.readFileSync(path.join(root, file), 'utf8'));
      for (const [, href] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href!)) continue;
        const [target, fragment] = href!.split('#');
        const to = target ? path.resolve(path.dirname(path.join(root, file)), target) : path.join(root, file);
        // A link out of the repository (../shared/ beside it) is not this test's business.
        if (path.relative(root, to).startsWith('..')) continue;
        if (!fs.existsSync(to)) broken.push(`${file}: ${href} (no such file)`);
        else if (fragment && to.endsWith('.md') && !anchorsOf(fs.readFileSync(to, 'utf8')).has(fragment))
          broken.push(`${file}: ${href} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
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
