/**
 * Regenerates the README's screenshots (docs/screenshots/*.png) from the real UI and the real
 * report, after a change to the screens:
 *
 *   npm run build && npx tsx scripts/screenshots.ts [--out DIR] [SUITE …]
 *
 * The browser screenshots come from the e2e suites that walk the screens the README shows (the
 * panic view, the console, the wizard, footage viewing, …): they write them when
 * PROPORTIO_SCREENSHOTS=1, into PROPORTIO_DOCS_SCREENSHOT_DIR (default docs/screenshots). The two
 * report pages are the DPIA report of examples/defining-case.json as a PDF (`proportio assess
 * --format pdf`), its first page and the page with the alternatives, rendered by pdftoppm.
 *
 * --out DIR writes everything there instead (to look before replacing the committed images);
 * SUITE … runs only those suites (e.g. test/e2e/web-alarm.test.ts for the alarm screens).
 * The whole-UI tour (every page, role, size and language) is test/e2e/web-tour.test.ts; its
 * screenshots go to test-results/tour/, which is not committed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/main.js';

const ROOT = packageRoot();
/** The suites that take the README's browser screenshots (screenshot(page, '<name>.png')). */
const SUITES = [
  'test/e2e/web-shell.test.ts',
  'test/e2e/web-alarm.test.ts',
  'test/e2e/web-assessment.test.ts',
  'test/e2e/footage-viewing.test.ts',
];
/** The report pages the README shows: the file, and the text that marks its page (null: page 1). */
const REPORT_PAGES: readonly (readonly [string, string | null])[] = [
  ['report-defining-case-summary.png', null],
  ['report-defining-case-alternatives.png', 'Alternatieven zoals gedocumenteerd'],
];
/** About 60 dpi: an A4 page at the size the README's table shows it (497×702). */
const REPORT_DPI = '60';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (outIndex >= 0 && !args[outIndex + 1]) {
  console.error('usage: npx tsx scripts/screenshots.ts [--out DIR] [SUITE …]');
  process.exit(2);
}
const out = path.resolve(outIndex >= 0 ? (args[outIndex + 1] ?? '') : path.join(ROOT, 'docs', 'screenshots'));
const chosen = args.filter((_a, i) => outIndex < 0 || (i !== outIndex && i !== outIndex + 1));
const suites = chosen.length > 0 ? chosen : SUITES;
fs.mkdirSync(out, { recursive: true });

const run = (cmd: string, cmdArgs: readonly string[], env: NodeJS.ProcessEnv = {}): string =>
  execFileSync(cmd, cmdArgs, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: 'pipe' });

// 1. The report pages.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-screenshots-'));
try {
  const pdf = path.join(tmp, 'defining-case.pdf');
  run('node', ['bin/proportio.js', 'assess', 'examples/defining-case.json', '--format', 'pdf', '--out', pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1] ?? '0');
  for (const [file, marker] of REPORT_PAGES) {
    let page = 1;
    if (marker !== null) {
      page = 0;
      for (let p = 2; p <= pages && page === 0; p++) {
        const text = run('pdftotext', ['-enc', 'UTF-8', '-f', String(p), '-l', String(p), pdf, '-']);
        if (text.split('\n').some((line) => line.trim().startsWith(marker))) page = p;
      }
      if (page === 0) throw new Error(`no page of the report starts a line with "${marker}"`);
    }
    const prefix = path.join(tmp, file.replace(/\.png$/, ''));
    run('pdftoppm', [
      '-png',
      '-r',
      REPORT_DPI,
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdf,
      prefix,
    ]);
    fs.copyFileSync(`${prefix}.png`, path.join(out, file));
    console.log(`${file}: page ${page} of ${pages}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 2. The browser screenshots, from the suites that walk those screens.
execFileSync('npx', ['vitest', 'run', '--project', 'e2e', ...suites], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PROPORTIO_SCREENSHOTS: '1', PROPORTIO_DOCS_SCREENSHOT_DIR: out },
});
console.log(`screenshots in ${out}: ${fs.readdirSync(out).sort().join(', ')}`);
