/**
 * The public privacy page of a site (issue 12 §5), on every dialect, with the demo municipality
 * and its incident-triggered recording approved for Spreekkamer 2: each room with its mode, a
 * suspension shown at once (and gone at once when lifted), the English version, a Dutch 404
 * page, no scripts, nothing a sign does not say, links both ways with the room pages, and the
 * A4 sign whose QR code (drawn in the PDF, read back from pdftoppm's raster by jsQR) is the page's
 * address.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsqr from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_PAGES_PER_MINUTE } from '../../src/compose/assessment.compose.js';
import { DEMO_ACCOUNTS } from '../../src/services/demo.service.js';
import { approveDemoAssessment, demoScenario } from '../support/approved-assessment.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';

const dialects = await availableDialects();
// jsqr is CommonJS with an `exports.default`: imported from ESM, the function is one level down.
const jsQR = jsqr.default;
const PUBLIC = 'https://privacy.lindewaard.example';

/** The rows of the rooms table: room name → what the camera does. */
const rows = (html: string): Record<string, string> =>
  Object.fromEntries(
    [
      ...html.matchAll(
        /<tr[^>]*><th scope="row"[^>]*><a href="[^"]*">([^<]+)<\/a><\/th><td[^>]*>([^<]*)<\/td>/g,
      ),
    ].map((m) => [m[1]!, m[2]!]),
  );

/** The rooms table's last column: room name → the legal basis and purpose, tags stripped. */
const bases = (html: string): Record<string, string> =>
  Object.fromEntries(
    [
      ...html.matchAll(/<tr role="row"><th scope="row"[^>]*><a href="[^"]*">([^<]+)<\/a><\/th>(.*?)<\/tr>/g),
    ].map((m) => [
      m[1]!,
      [...m[2]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)]
        .at(-1)![1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ]),
  );

/** A grey raster (pdftoppm -gray writes binary PGM, P5) as the RGBA pixels jsQR reads. */
const pgmToRgba = (pgm: Buffer): { data: Uint8ClampedArray; width: number; height: number } => {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (header === null) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const grey = pgm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    data.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
  }
  return { data, width, height };
};

describe.each(dialects)('site privacy page on %s', (dialect) => {
  let t: TestRuntime;
  let siteId: string;
  let roomId: string;
  let admin: Record<string, string>;
  let balie: Record<string, string>;
  let assessmentId: string;
  let beforeApproval: string;
  let scenario: { legalBasis: { article: string; provision: string }; purpose: { text: string } };
  const page = (id: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/public/sites/${id}/privacy${query}` });

  beforeAll(async () => {
    // The real clock: the demo measure starts today, so it is in force at once.
    const today = new Date();
    t = await startTestRuntime({
      dialect,
      demo: true,
      loginAttemptsPerMinute: 1000,
      env: { PROPORTIO_PUBLIC_URL: PUBLIC },
    });
    const room = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!;
    roomId = room.id;
    siteId = room.siteId;
    const typeId = (await t.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!.id;
    admin = (await loginAs(t.app, 'beheer')).headers;
    balie = (await loginAs(t.app, 'balie')).headers;
    beforeApproval = (await page(siteId)).body;
    scenario = demoScenario(roomId, typeId, today) as typeof scenario;
    assessmentId = await approveDemoAssessment({
      t,
      roomId,
      typeId,
      fg: (await loginAs(t.app, 'fg')).headers,
      secretaris: (await loginAs(t.app, 'secretaris')).headers,
      today,
    });
  });
  afterAll(async () => t?.close());

  it('lists every room of the site with what its camera does, in Dutch, without login or scripts', async () => {
    const res = await page(siteId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="nl">/);
    const rooms = await t.rt.store.read.rooms.list({ siteId });
    const listed = rows(res.body);
    expect(Object.keys(listed).sort()).toEqual(rooms.map((r) => r.name).sort());
    expect(listed['Spreekkamer 2']).toMatch(
      /^Alleen bij alarm: de beelden van \d+ seconden vóór tot \d+ seconden na/,
    );
    for (const r of rooms.filter((r) => r.id !== roomId)) expect(listed[r.name]).toBe('Geen opname');
    // Each room links to its own page; the rooms of the other site are not here.
    for (const r of rooms) expect(res.body).toContain(`href="${PUBLIC}/api/public/rooms/${r.id}/privacy"`);
    const others = (await t.rt.store.read.rooms.list()).filter((r) => r.siteId !== siteId);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(res.body).not.toContain(r.id);
    // What a resident needs: rights with their Dutch sources, objecting on the spot, the DPO, the key.
    for (const s of [
      'AVG art. 15',
      'AVG art. 17',
      'AVG art. 21',
      'AVG art. 77',
      'Zeg het aan het begin van het gesprek',
    ])
      expect(res.body).toContain(s);
    expect(res.body).toContain('fg@lindewaard.example');
    expect(res.body).toContain('-----BEGIN PUBLIC KEY-----');
    expect(res.body).toContain(`${PUBLIC}/api/public/evidence-key`);
    expect(res.body).toContain(`href="${PUBLIC}/api/public/sites/${siteId}/privacy?lang=en"`);
    // Works without JavaScript, and says nothing a sign does not.
    expect(res.body).not.toMatch(/<script|\son[a-z]+=/i);
    // No staff names (the DPO's is on every sign), no usernames, no assessment ids.
    const staff = DEMO_ACCOUNTS.filter((a) => !a.roles.includes('dpo'));
    expect(staff.length).toBeGreaterThan(4);
    for (const a of staff) expect(res.body).not.toContain(a.displayName.replace(/ \(.*\)$/, ''));
    for (const a of staff.filter((a) => a.username !== 'balie')) expect(res.body).not.toContain(a.username);
    expect(res.body).not.toContain(assessmentId);
  });

  it('gives each room the legal basis and purpose its approved assessment states, and none without one', async () => {
    // Before the approval nothing records, and the page names no basis.
    expect(rows(beforeApproval)['Spreekkamer 2']).toBe('Geen opname');
    expect(bases(beforeApproval)['Spreekkamer 2']).toBe('—');
    expect(beforeApproval).toContain('Hier neemt geen camera op.');
    expect(beforeApproval).not.toContain(scenario.legalBasis.provision);

    const nl = bases((await page(siteId)).body);
    expect(nl['Spreekkamer 2']).toBe(
      `Grondslag: art. 6 lid 1, onder ${scenario.legalBasis.article} AVG (een taak van algemeen belang), ${scenario.legalBasis.provision} Doel: ${scenario.purpose.text} (directe hulp, bewijs)`,
    );
    const rooms = await t.rt.store.read.rooms.list({ siteId });
    for (const r of rooms.filter((r) => r.id !== roomId)) expect(nl[r.name]).toBe('—');
    // English: the basis worded in English, the assessment's own words marked as Dutch.
    const enBody = (await page(siteId, '?lang=en')).body;
    expect(bases(enBody)['Spreekkamer 2']).toBe(
      `Legal basis: GDPR Art. 6(1)(e) (a task in the public interest), ${scenario.legalBasis.provision} Purpose: ${scenario.purpose.text} (immediate help, evidence)`,
    );
    expect(enBody).toContain(`<span lang="nl">${scenario.purpose.text}</span>`);
    // The fixed wording of before is gone: the basis is the assessment's, or none.
    expect((await page(siteId)).body).not.toContain('Wij mogen dit doen voor een taak van algemeen belang');
  });

  it('shows a suspension at once, and its lifting at once, without its reason or author', async () => {
    const suspended = await t.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: admin,
      payload: { scope: 'site', siteId, reason: 'Storing bij Ruben: kabel los' },
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    const during = await page(siteId);
    expect(during.body).toContain('Het opnemen is stilgelegd sinds');
    expect(rows(during.body)['Spreekkamer 2']).toBe('Nu geen opname: het opnemen is stilgelegd');
    // The approval still stands: its basis is shown with the suspension, for when recording resumes.
    expect(bases(during.body)['Spreekkamer 2']).toContain(scenario.purpose.text);
    expect(during.body).not.toContain('kabel los');
    expect(during.body).not.toContain('Ruben');
    const id = suspended.json<{ id: string }>().id;
    const resumed = await t.app.inject({
      method: 'POST',
      url: `/api/recording/suspensions/${id}/resume`,
      headers: admin,
      payload: { reason: 'Kabel vast' },
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const after = await page(siteId);
    expect(after.body).not.toContain('stilgelegd');
    expect(rows(after.body)['Spreekkamer 2']).toMatch(/^Alleen bij alarm/);
  });

  it('has an English version that links back to the Dutch one', async () => {
    const res = await page(siteId, '?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(rows(res.body)['Spreekkamer 2']).toMatch(/^Only on an alarm/);
    expect(res.body).toContain('GDPR Art. 15');
    expect(res.body).toContain(
      `href="${PUBLIC}/api/public/sites/${siteId}/privacy" lang="nl" hreflang="nl">Nederlands</a>`,
    );
    // The room links keep the language.
    expect(res.body).toContain(`href="${PUBLIC}/api/public/rooms/${roomId}/privacy?lang=en"`);
  });

  it('answers an unknown site with a Dutch page and 404, for any address', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'stadhuis', '..%2F..%2Fetc']) {
      const res = await page(id);
      expect(res.statusCode, id).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toMatch(/<html lang="nl">/);
      expect(res.body).toContain('<h1>Locatie niet gevonden</h1>');
    }
    const en = await page('stadhuis', '?lang=en');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('<h1>Site not found</h1>');
  });

  it('links the room page to the site page', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/rooms/${roomId}/privacy` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(`<a href="${PUBLIC}/api/public/sites/${siteId}/privacy">`);
  });

  it.runIf(toolsAvailable('site privacy QR code', 'pdftoppm', 'pdftotext'))(
    'prints a QR code to the site page on the A4 sign, and the sign still reads',
    async () => {
      const sign = await t.app.inject({
        method: 'GET',
        url: `/api/rooms/${roomId}/sign.pdf`,
        headers: balie,
      });
      expect(sign.statusCode).toBe(200);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-sign-'));
      try {
        const file = path.join(dir, 'sign.pdf');
        fs.writeFileSync(file, sign.rawPayload);
        const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
        expect(text).toContain('Camera: opname alleen bij alarm');
        expect(text).toContain('Scan de code: alle kamers in Stadhuis Lindewaard');
        expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\n/);
        execFileSync('pdftoppm', ['-r', '100', '-gray', '-singlefile', file, path.join(dir, 'page')]);
        const { data, width, height } = pgmToRgba(fs.readFileSync(path.join(dir, 'page.pgm')));
        const code = jsQR(data, width, height);
        expect(code?.data).toBe(`${PUBLIC}/api/public/sites/${siteId}/privacy`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('site privacy page: rate limit', () => {
  it('answers a flood from one address with a short Dutch 429 page', async () => {
    const t = await startTestRuntime({ demo: true });
    try {
      const siteId = (await t.rt.store.read.sites.list())[0]!.id;
      const codes: number[] = [];
      for (let i = 0; i <= PUBLIC_PAGES_PER_MINUTE; i += 1)
        codes.push(
          (await t.app.inject({ method: 'GET', url: `/api/public/sites/${siteId}/privacy` })).statusCode,
        );
      expect(codes.slice(0, PUBLIC_PAGES_PER_MINUTE).every((c) => c === 200)).toBe(true);
      const last = await t.app.inject({ method: 'GET', url: `/api/public/rooms/${siteId}/privacy` });
      expect(last.statusCode).toBe(429);
      expect(last.headers['retry-after']).toBe('60');
      expect(last.body).toContain('<html lang="nl">');
      expect(codes.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });
});
