/**
 * Demo data: the fictional municipality of Lindewaard with two sites, six interview rooms,
 * the usual kinds of conversation, one account per role and a year of plausible incidents.
 * Loaded only into an empty store. Deterministic: the same seed gives the same history.
 */
import { INCIDENT_KINDS } from '../core/alarm/model.js';
import type { Role } from '../core/auth/roles.js';
import { err, unwrap, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import type { Actor, Clock, IdGenerator, IncidentRecord, PasswordHasher, SecretBox, Store } from './ports.js';
import { inTransaction } from './transaction.js';

export const DEMO_PASSWORD = 'Lindewaard-demo-2026';

/**
 * `serve --demo` puts the demo's vault key under custody at once (docs/custody.md): 2 of 3 among
 * the security coordinator, the DPO and the municipal secretary, each share sealed with this
 * passphrase, so the demo can show that viewing footage takes two of them.
 */
export const DEMO_CUSTODIANS = ['beveiliging', 'fg', 'secretaris'] as const;
export const DEMO_CUSTODY_PASSPHRASE = 'Lindewaard-kluis-2026';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; roles: Role[] }> = [
  { username: 'balie', displayName: 'Fatima el Amrani (balie)', roles: ['front-desk'] },
  { username: 'bhv', displayName: 'Jeroen Bakker (BHV)', roles: ['responder'] },
  { username: 'beveiliging', displayName: 'Sanne de Vries (beveiliging)', roles: ['security', 'responder'] },
  { username: 'fg', displayName: 'Mr. Pieter Hoekstra (FG)', roles: ['dpo'] },
  {
    username: 'secretaris',
    displayName: 'Drs. Anouk Jansen (gemeentesecretaris)',
    roles: ['decision-maker'],
  },
  { username: 'beheer', displayName: 'Ruben Smit (functioneel beheer)', roles: ['admin'] },
  { username: 'auditor', displayName: 'Lotte Visser (auditor)', roles: ['auditor'] },
];

const SITES = [
  {
    name: 'Stadhuis Lindewaard',
    address: 'Marktplein 1, 9999 AA Lindewaard',
    rooms: [
      { name: 'Spreekkamer 1', floor: 'begane grond', description: 'Naast de centrale balie; glazen deur' },
      {
        name: 'Spreekkamer 2',
        floor: 'begane grond',
        description: 'Achter de balie; tweede uitgang naar de gang',
      },
      { name: 'Spreekkamer 3', floor: '1e verdieping', description: 'Bij de afdeling Werk en Inkomen' },
      { name: 'Spreekkamer 4', floor: '1e verdieping', description: 'Kleine kamer voor korte gesprekken' },
    ],
  },
  {
    name: 'Wijkcentrum De Brink',
    address: 'Brinkstraat 12, 9999 BC Lindewaard',
    rooms: [
      { name: 'Gespreksruimte A', floor: 'begane grond', description: 'Wmo- en jeugdgesprekken' },
      { name: 'Gespreksruimte B', floor: 'begane grond', description: 'Schuldhulpverlening' },
    ],
  },
] as const;

const CONVERSATION_TYPES = [
  {
    code: 'bijstandsgesprek',
    nameNl: 'Bijstandsgesprek',
    nameEn: 'Welfare-benefit conversation',
    sensitive: true,
  },
  {
    code: 'wmo-keukentafelgesprek',
    nameNl: 'Wmo-keukentafelgesprek',
    nameEn: 'Social-support intake conversation',
    sensitive: true,
  },
  {
    code: 'schuldhulpgesprek',
    nameNl: 'Schuldhulpgesprek',
    nameEn: 'Debt counselling conversation',
    sensitive: true,
  },
  {
    code: 'jeugdhulpgesprek',
    nameNl: 'Jeugdhulpgesprek',
    nameEn: 'Youth care conversation',
    sensitive: true,
  },
  { code: 'baliecontact', nameNl: 'Baliecontact', nameEn: 'Front-desk contact', sensitive: false },
] as const;

/** mulberry32: a small seeded PRNG, so the demo history is reproducible. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export interface DemoSummary {
  readonly organisation: string;
  readonly sites: number;
  readonly rooms: number;
  readonly conversationTypes: number;
  readonly incidents: number;
  readonly accounts: ReadonlyArray<{ username: string; roles: Role[]; password: string }>;
}

/**
 * What `serve --demo` may say about an account's password: the demo password only where it still
 * opens the account (checked against the stored hash), never for accounts that changed it or
 * were never demo accounts.
 */
export type DemoPasswordState = 'demo-password' | 'changed' | 'not-demo' | 'no-password';

export interface DemoAccountState {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly disabled: boolean;
  readonly password: DemoPasswordState;
}

export const demoService = (deps: {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  secrets: SecretBox;
}) => ({
  async isEmpty(): Promise<boolean> {
    return (await deps.store.read.users.count()) === 0 && (await deps.store.read.sites.list()).length === 0;
  },

  async accounts(): Promise<DemoAccountState[]> {
    const demoNames = new Set(DEMO_ACCOUNTS.map((a) => a.username));
    const out: DemoAccountState[] = [];
    for (const u of await deps.store.read.users.list()) {
      const rec = await deps.store.read.users.get(u.id);
      const hash = rec?.passwordHash ?? null;
      const password: DemoPasswordState =
        hash === null
          ? 'no-password'
          : (await deps.hasher.verify(hash, DEMO_PASSWORD))
            ? 'demo-password'
            : demoNames.has(u.username)
              ? 'changed'
              : 'not-demo';
      out.push({ username: u.username, roles: u.roles, disabled: u.disabled, password });
    }
    return out;
  },

  load: (seed = 2026): Promise<Result<DemoSummary>> =>
    inTransaction(deps.store, async (repos) => {
      if ((await repos.users.count()) > 0 || (await repos.sites.list()).length > 0) {
        return unwrap(err('STORE.NOT_EMPTY', 'demo data is loaded only into an empty store'));
      }
      const actor: Actor = { kind: 'system', name: 'demo' };
      const now = deps.clock.now();
      const at = now.toISOString();
      const rnd = seededRandom(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

      await repos.organisation.put({
        name: 'Gemeente Lindewaard',
        address: 'Marktplein 1, 9999 AA Lindewaard',
        dpoName: 'Mr. Pieter Hoekstra',
        dpoEmail: 'fg@lindewaard.example',
        dpoPhone: '14 0999',
        updatedAt: at,
      });
      await recordAudit(repos, deps.clock, actor, 'organisation.update', 'organisation', {
        name: 'Gemeente Lindewaard',
      });

      const rooms: Array<{ id: string; siteId: string; name: string }> = [];
      for (const s of SITES) {
        const siteId = deps.ids.newId();
        await repos.sites.insert({ id: siteId, name: s.name, address: s.address, createdAt: at });
        await recordAudit(repos, deps.clock, actor, 'site.create', `site:${siteId}`, { name: s.name });
        for (const r of s.rooms) {
          const id = deps.ids.newId();
          await repos.rooms.insert({
            id,
            siteId,
            name: r.name,
            floor: r.floor,
            description: r.description,
            createdAt: at,
          });
          await recordAudit(repos, deps.clock, actor, 'room.create', `room:${id}`, { siteId, name: r.name });
          rooms.push({ id, siteId, name: r.name });
        }
      }

      const types: Array<{ id: string; code: string }> = [];
      for (const t of CONVERSATION_TYPES) {
        const id = deps.ids.newId();
        await repos.conversationTypes.insert({ id, ...t, createdAt: at });
        await recordAudit(repos, deps.clock, actor, 'conversation-type.create', `conversation-type:${id}`, {
          code: t.code,
          sensitive: t.sensitive,
        });
        types.push({ id, code: t.code });
      }

      // One simulated camera, in the room with the most incidents; recording stays off until an
      // approved assessment permits it. It starts disabled: a new user has no test camera running,
      // and an enabled camera without a server would show a permanent error and a "no footage"
      // note on every alarm of its room. Enable it once the test camera runs (docs/recording.md).
      const camRoom = rooms.find((r) => r.name === 'Spreekkamer 2')!;
      const camId = deps.ids.newId();
      await repos.cameras.insert({
        id: camId,
        roomId: camRoom.id,
        name: 'Camera plafond',
        url: 'rtsp://127.0.0.1:8554/spreekkamer-2',
        hasCredentials: true,
        credentialsSealed: deps.secrets.seal(
          JSON.stringify({ username: 'camera', password: 'demo-camera-secret' }),
        ),
        disabled: true,
        disabledAt: at,
        createdAt: at,
      });
      await recordAudit(repos, deps.clock, actor, 'camera.create', `camera:${camId}`, {
        roomId: camRoom.id,
        name: 'Camera plafond',
        credentials: true,
        disabled: true,
      });

      const passwordHash = await deps.hasher.hash(DEMO_PASSWORD);
      for (const a of DEMO_ACCOUNTS) {
        const id = deps.ids.newId();
        await repos.users.insert({
          id,
          username: a.username,
          displayName: a.displayName,
          email: `${a.username}@lindewaard.example`,
          roles: a.roles,
          siteIds: [],
          disabled: false,
          hasPassword: true,
          oidc: false,
          lockedUntil: null,
          createdAt: at,
          custodian: false,
          passwordHash,
          failedLogins: 0,
          oidcSubject: null,
          passwordChangedAt: at,
        });
        await recordAudit(repos, deps.clock, actor, 'user.create', `user:${id}`, {
          username: a.username,
          roles: a.roles,
        });
      }

      // A year of incidents: most in Spreekkamer 2 during benefit and debt conversations, a few
      // elsewhere; severity 1–4, police reports for the serious ones.
      const weightedRooms = [...Array.from({ length: 6 }, () => camRoom), ...rooms];
      const weightedTypes = [
        'bijstandsgesprek',
        'bijstandsgesprek',
        'bijstandsgesprek',
        'schuldhulpgesprek',
        'schuldhulpgesprek',
        'baliecontact',
        'wmo-keukentafelgesprek',
        'jeugdhulpgesprek',
      ];
      const weightedKinds = [0, 0, 0, 0, 1, 1, 1, 2, 3, 4].map((i) => INCIDENT_KINDS[i]!);
      const incidents: IncidentRecord[] = [];
      const count = 38;
      for (let i = 0; i < count; i++) {
        const daysAgo = Math.floor(rnd() * 365) + 1;
        const occurred = new Date(now.getTime() - daysAgo * 86_400_000);
        occurred.setUTCHours(8 + Math.floor(rnd() * 8), Math.floor(rnd() * 60), 0, 0);
        const room = pick(weightedRooms);
        const typeCode = pick(weightedTypes);
        const type = types.find((t) => t.code === typeCode)!;
        const kind = pick(weightedKinds);
        const severity =
          kind === 'physical-violence'
            ? 4
            : kind === 'damage'
              ? 3
              : kind === 'intimidation-threat'
                ? 2 + Math.floor(rnd() * 2)
                : 1 + Math.floor(rnd() * 2);
        const police = severity >= 3;
        const reportedAt = new Date(occurred.getTime() + 2 * 3_600_000).toISOString();
        incidents.push({
          id: deps.ids.newId(),
          siteId: room.siteId,
          roomId: room.id,
          conversationTypeId: type.id,
          occurredAt: occurred.toISOString(),
          source: rnd() < 0.7 ? 'alarm' : 'manual',
          kind,
          severity,
          injury: kind === 'physical-violence' && rnd() < 0.5,
          policeReport: police,
          policeReference: police
            ? `PL0999-${2025 + (daysAgo < 335 ? 1 : 0)}${String(100000 + Math.floor(rnd() * 899999))}`
            : null,
          followUp: severity >= 2 ? 'Gesprek met leidinggevende; waarschuwingsbrief aan inwoner' : null,
          narrative: null,
          reportedBy: 'demo',
          reportedAt,
          createdAt: reportedAt,
        });
      }
      incidents.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
      for (const inc of incidents) await repos.incidents.insert(inc);
      await recordAudit(repos, deps.clock, actor, 'incident.import', 'incidents', {
        count: incidents.length,
        source: 'demo',
      });

      return {
        organisation: 'Gemeente Lindewaard',
        sites: SITES.length,
        rooms: rooms.length,
        conversationTypes: types.length,
        incidents: incidents.length,
        accounts: DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          roles: a.roles,
          password: DEMO_PASSWORD,
        })),
      };
    }),
});
