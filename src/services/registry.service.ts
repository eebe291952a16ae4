/**
 * Registry use cases: organisation, sites, rooms, cameras, conversation types and operator
 * settings. Every change is validated, stored and audited in one transaction.
 */
import type { FieldRule } from '../core/field-rules.js';
import type { Camera, ConversationType, Organisation, Room, Site } from '../core/registry/model.js';
import { parseCameraUrl, validCode, validEmail, validName, validText } from '../core/registry/validate.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from './audit.service.js';
import type {
  Actor,
  CameraRecord,
  Clock,
  DomainEvents,
  IdGenerator,
  Repositories,
  SecretBox,
  Store,
} from './ports.js';
import { actorServesAllSites, actorServesSite, siteLimited } from './site-scope.js';

export interface RegistryDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  /** Told camera.changed after each camera change committed: the recorder re-plans at once, not at its next tick. */
  readonly events: DomainEvents;
}

export interface SiteInput {
  name: string;
  address?: string;
}
export interface RoomInput {
  siteId: string;
  name: string;
  floor?: string;
  description?: string;
}
export interface CameraInput {
  roomId: string;
  name: string;
  url: string;
  username?: string;
  password?: string;
}
export interface ConversationTypeInput {
  code: string;
  nameNl: string;
  nameEn: string;
  sensitive: boolean;
}
export interface OrganisationInput {
  name: string;
  address: string;
  dpoName: string;
  dpoEmail: string;
  dpoPhone: string;
}

/**
 * A camera user name needs its password (RTSP Digest/Basic always sends both). A password without
 * a user name is allowed: some cameras take an empty user.
 */
const credentialsComplete = (username: string | undefined, password: string | undefined): Result<true> =>
  username !== undefined && username !== '' && (password === undefined || password === '')
    ? err('REQUEST.INVALID', 'a camera user name needs a password', { field: 'password' })
    : ok(true);

const notFound = (what: string, id: string) =>
  err('RESOURCE.NOT_FOUND', `${what} ${id} does not exist`, { [`${what}Id`]: id });

export const registryService = (deps: RegistryDeps) => {
  const { store, clock, ids, secrets } = deps;
  const now = () => clock.now().toISOString();
  const cameraChanged = (r: Result<Camera>): Result<Camera> => {
    if (r.ok)
      deps.events.emit({ type: 'camera.changed', at: now(), cameraId: r.value.id, roomId: r.value.roomId });
    return r;
  };
  /** Another site's camera is not there for this actor (404, as for every other resource). */
  const servesCameraSite = async (repos: Repositories, actor: Actor, roomId: string): Promise<boolean> => {
    const room = await repos.rooms.get(roomId);
    return room !== undefined && actorServesSite(actor, room.siteId);
  };
  const nameTaken = async (repos: Repositories, roomId: string, name: string, self?: string) => {
    const other = await repos.cameras.findByName(roomId, name);
    if (other === undefined || other.id === self) return;
    unwrap(
      err(
        'RESOURCE.CONFLICT',
        other.removed
          ? `a removed camera of this room was named "${name}" (its clips keep the name); choose another name`
          : `the room already has a camera named "${name}"`,
        { field: 'name' },
      ),
    );
  };

  return {
    getOrganisation: () => store.read.organisation.get(),

    putOrganisation: (actor: Actor, input: OrganisationInput): Promise<Result<Organisation>> =>
      inTransaction(store, async (repos) => {
        if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const org: Organisation = {
          name: unwrap(validName('name', input.name, 200)),
          address: unwrap(validText('address', input.address, 500)),
          dpoName: unwrap(validText('dpoName', input.dpoName, 200)),
          dpoEmail: unwrap(validEmail(input.dpoEmail)),
          dpoPhone: unwrap(validText('dpoPhone', input.dpoPhone, 50)),
          updatedAt: now(),
        };
        await repos.organisation.put(org);
        await recordAudit(repos, clock, actor, 'organisation.update', 'organisation', { name: org.name });
        return org;
      }),

    listSites: () => store.read.sites.list(),
    getSite: (id: string) => store.read.sites.get(id),

    createSite: (actor: Actor, input: SiteInput): Promise<Result<Site>> =>
      inTransaction(store, async (repos) => {
        // A new site would lie outside a site-limited administrator's own sites at once.
        if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const name = unwrap(validName('name', input.name));
        if (await repos.sites.findByName(name))
          unwrap(err('RESOURCE.CONFLICT', `a site named "${name}" already exists`, { field: 'name' }));
        const site: Site = {
          id: ids.newId(),
          name,
          address: unwrap(validText('address', input.address ?? '', 500)),
          createdAt: now(),
        };
        await repos.sites.insert(site);
        await recordAudit(repos, clock, actor, 'site.create', `site:${site.id}`, { name: site.name });
        return site;
      }),

    updateSite: (actor: Actor, id: string, input: Partial<SiteInput>): Promise<Result<Site>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.sites.get(id);
        if (!cur || !actorServesSite(actor, id)) return unwrap(notFound('site', id));
        const name = input.name === undefined ? cur.name : unwrap(validName('name', input.name));
        const other = await repos.sites.findByName(name);
        if (other && other.id !== id)
          unwrap(err('RESOURCE.CONFLICT', `a site named "${name}" already exists`, { field: 'name' }));
        const site: Site = {
          ...cur,
          name,
          address:
            input.address === undefined ? cur.address : unwrap(validText('address', input.address, 500)),
        };
        await repos.sites.update(site);
        await recordAudit(repos, clock, actor, 'site.update', `site:${id}`, { name: site.name });
        return site;
      }),

    listRooms: (filter?: { siteId?: string }) => store.read.rooms.list(filter),
    getRoom: (id: string) => store.read.rooms.get(id),

    createRoom: (actor: Actor, input: RoomInput): Promise<Result<Room>> =>
      inTransaction(store, async (repos) => {
        if (!(await repos.sites.get(input.siteId)) || !actorServesSite(actor, input.siteId))
          return unwrap(notFound('site', input.siteId));
        const name = unwrap(validName('name', input.name));
        if (await repos.rooms.findByName(input.siteId, name)) {
          unwrap(err('RESOURCE.CONFLICT', `the site already has a room named "${name}"`, { field: 'name' }));
        }
        const room: Room = {
          id: ids.newId(),
          siteId: input.siteId,
          name,
          floor: unwrap(validText('floor', input.floor ?? '', 50)),
          description: unwrap(validText('description', input.description ?? '', 1000)),
          createdAt: now(),
        };
        await repos.rooms.insert(room);
        await recordAudit(repos, clock, actor, 'room.create', `room:${room.id}`, {
          siteId: room.siteId,
          name: room.name,
        });
        return room;
      }),

    updateRoom: (
      actor: Actor,
      id: string,
      input: Partial<Omit<RoomInput, 'siteId'>>,
    ): Promise<Result<Room>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.rooms.get(id);
        if (!cur || !actorServesSite(actor, cur.siteId)) return unwrap(notFound('room', id));
        const name = input.name === undefined ? cur.name : unwrap(validName('name', input.name));
        const other = await repos.rooms.findByName(cur.siteId, name);
        if (other && other.id !== id)
          unwrap(err('RESOURCE.CONFLICT', `the site already has a room named "${name}"`, { field: 'name' }));
        const room: Room = {
          ...cur,
          name,
          floor: input.floor === undefined ? cur.floor : unwrap(validText('floor', input.floor, 50)),
          description:
            input.description === undefined
              ? cur.description
              : unwrap(validText('description', input.description, 1000)),
        };
        await repos.rooms.update(room);
        await recordAudit(repos, clock, actor, 'room.update', `room:${id}`, { name: room.name });
        return room;
      }),

    /** Cameras of the rooms of the sites this actor serves (a camera's address is no business of another site). */
    listCameras: async (viewer: Actor, filter?: { roomId?: string }) => {
      const siteOf = new Map((await store.read.rooms.list()).map((r) => [r.id, r.siteId]));
      return (await store.read.cameras.list(filter)).filter((c) =>
        actorServesSite(viewer, siteOf.get(c.roomId) ?? ''),
      );
    },
    getCamera: async (viewer: Actor, id: string) => {
      const c = await store.read.cameras.get(id);
      const room = c && (await store.read.rooms.get(c.roomId));
      return room && actorServesSite(viewer, room.siteId) ? c : undefined;
    },

    createCamera: async (actor: Actor, input: CameraInput): Promise<Result<Camera>> =>
      cameraChanged(
        await inTransaction(store, async (repos) => {
          const room = await repos.rooms.get(input.roomId);
          if (!room || !actorServesSite(actor, room.siteId)) return unwrap(notFound('room', input.roomId));
          const name = unwrap(validName('name', input.name));
          await nameTaken(repos, input.roomId, name);
          const parsed = unwrap(parseCameraUrl(input.url));
          const username = input.username ?? parsed.username;
          const password = input.password ?? parsed.password;
          unwrap(credentialsComplete(username, password));
          const camera: CameraRecord = {
            id: ids.newId(),
            roomId: input.roomId,
            name,
            url: parsed.url,
            hasCredentials: username !== undefined || password !== undefined,
            credentialsSealed:
              username !== undefined || password !== undefined
                ? secrets.seal(JSON.stringify({ username: username ?? '', password: password ?? '' }))
                : null,
            disabled: false,
            disabledAt: null,
            createdAt: now(),
          };
          await repos.cameras.insert(camera);
          // Never audit the URL's credentials or the password; the URL is stored without them.
          await recordAudit(repos, clock, actor, 'camera.create', `camera:${camera.id}`, {
            roomId: camera.roomId,
            name: camera.name,
            url: camera.url,
            credentials: camera.hasCredentials,
          });
          const { credentialsSealed: _omit, ...pub } = camera;
          return pub;
        }),
      ),

    updateCamera: async (
      actor: Actor,
      id: string,
      input: Partial<CameraInput> & { clearCredentials?: boolean },
    ): Promise<Result<Camera>> =>
      cameraChanged(
        await inTransaction(store, async (repos) => {
          const cur = await repos.cameras.getWithSecret(id);
          const curRoom = cur && (await repos.rooms.get(cur.roomId));
          if (!cur || !curRoom || !actorServesSite(actor, curRoom.siteId))
            return unwrap(notFound('camera', id));
          const roomId = input.roomId ?? cur.roomId;
          const newRoom = input.roomId === undefined ? curRoom : await repos.rooms.get(input.roomId);
          if (!newRoom || !actorServesSite(actor, newRoom.siteId)) return unwrap(notFound('room', roomId));
          const name = input.name === undefined ? cur.name : unwrap(validName('name', input.name));
          await nameTaken(repos, roomId, name, id);
          const parsed = input.url === undefined ? undefined : unwrap(parseCameraUrl(input.url));
          const username = input.username ?? parsed?.username;
          const password = input.password ?? parsed?.password;
          unwrap(credentialsComplete(username, password));
          let credentialsSealed = cur.credentialsSealed;
          if (input.clearCredentials) credentialsSealed = null;
          if (username !== undefined || password !== undefined) {
            credentialsSealed = secrets.seal(
              JSON.stringify({ username: username ?? '', password: password ?? '' }),
            );
          }
          const camera: CameraRecord = {
            ...cur,
            roomId,
            name,
            url: parsed?.url ?? cur.url,
            credentialsSealed,
            hasCredentials: credentialsSealed !== null,
          };
          await repos.cameras.update(camera);
          await recordAudit(repos, clock, actor, 'camera.update', `camera:${id}`, {
            name: camera.name,
            url: camera.url,
            credentialsChanged: credentialsSealed !== cur.credentialsSealed,
          });
          const { credentialsSealed: _omit, ...pub } = camera;
          return pub;
        }),
      ),

    /**
     * Switches a camera off (`disabled: true`) or on again. A disabled camera is never armed and
     * raises no health error; an alarm in its room gets the note "camera disabled". Setting the
     * state it already has changes nothing and is not audited.
     */
    setCameraDisabled: async (actor: Actor, id: string, disabled: boolean): Promise<Result<Camera>> =>
      cameraChanged(
        await inTransaction(store, async (repos) => {
          const cur = await repos.cameras.get(id);
          if (!cur || !(await servesCameraSite(repos, actor, cur.roomId)))
            return unwrap(notFound('camera', id));
          if (cur.disabled === disabled) return cur;
          const at = disabled ? now() : null;
          await repos.cameras.setDisabled(id, at);
          await recordAudit(
            repos,
            clock,
            actor,
            disabled ? 'camera.disable' : 'camera.enable',
            `camera:${id}`,
            {
              roomId: cur.roomId,
              name: cur.name,
            },
          );
          return { ...cur, disabled, disabledAt: at };
        }),
      ),

    /**
     * Retires a camera: gone from every list and never armed again. Nothing is deleted: its row
     * stays for the clips that reference it, and those clips keep their own retention.
     */
    removeCamera: async (actor: Actor, id: string): Promise<Result<Camera>> =>
      cameraChanged(
        await inTransaction(store, async (repos) => {
          const cur = await repos.cameras.get(id);
          if (!cur || !(await servesCameraSite(repos, actor, cur.roomId)))
            return unwrap(notFound('camera', id));
          await repos.cameras.remove(id, now());
          await recordAudit(repos, clock, actor, 'camera.remove', `camera:${id}`, {
            roomId: cur.roomId,
            name: cur.name,
          });
          return cur;
        }),
      ),

    listConversationTypes: () => store.read.conversationTypes.list(),

    createConversationType: (actor: Actor, input: ConversationTypeInput): Promise<Result<ConversationType>> =>
      inTransaction(store, async (repos) => {
        if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const code = unwrap(validCode('code', input.code));
        if (await repos.conversationTypes.findByCode(code)) {
          unwrap(err('RESOURCE.CONFLICT', `conversation type "${code}" already exists`, { field: 'code' }));
        }
        const t: ConversationType = {
          id: ids.newId(),
          code,
          nameNl: unwrap(validName('nameNl', input.nameNl)),
          nameEn: unwrap(validName('nameEn', input.nameEn)),
          sensitive: input.sensitive,
          createdAt: now(),
        };
        await repos.conversationTypes.insert(t);
        await recordAudit(repos, clock, actor, 'conversation-type.create', `conversation-type:${t.id}`, {
          code,
          sensitive: t.sensitive,
        });
        return t;
      }),

    updateConversationType: (
      actor: Actor,
      id: string,
      input: Partial<ConversationTypeInput>,
    ): Promise<Result<ConversationType>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.conversationTypes.get(id);
        if (!cur) return unwrap(notFound('conversationType', id));
        if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const t: ConversationType = {
          ...cur,
          nameNl: input.nameNl === undefined ? cur.nameNl : unwrap(validName('nameNl', input.nameNl)),
          nameEn: input.nameEn === undefined ? cur.nameEn : unwrap(validName('nameEn', input.nameEn)),
          sensitive: input.sensitive ?? cur.sensitive,
        };
        await repos.conversationTypes.update(t);
        await recordAudit(repos, clock, actor, 'conversation-type.update', `conversation-type:${id}`, {
          sensitive: t.sensitive,
        });
        return t;
      }),

    listSettings: () => store.read.settings.all(),

    putSetting: (
      actor: Actor,
      key: string,
      value: unknown,
    ): Promise<Result<{ key: string; value: unknown }>> =>
      inTransaction(store, async (repos) => {
        if (!actorServesAllSites(actor)) unwrap(siteLimited());
        const known = SETTINGS[key];
        if (!known) return unwrap(err('REQUEST.INVALID', `unknown setting "${key}"`, { field: 'key' }));
        const problem = known.check(value);
        if (problem)
          return unwrap(
            err('REQUEST.INVALID', `${key}: ${problem}`, {
              field: 'value',
              ...(known.rule ? { rule: known.rule.rule, params: known.rule.params } : {}),
            }),
          );
        const before = await repos.settings.get(key);
        await repos.settings.put(key, value, now(), actor.kind === 'user' ? actor.username : actor.name);
        await recordAudit(repos, clock, actor, 'setting.update', `setting:${key}`, {
          before: before ?? null,
          after: value,
        });
        return { key, value };
      }),
  };
};

export type RegistryService = ReturnType<typeof registryService>;

/**
 * Operator settings the database holds (infrastructure lives in the environment). Each has a
 * check that returns a problem text or undefined; later modules add theirs here.
 */
export const SETTINGS: Record<
  string,
  {
    description: string;
    descriptionNl: string;
    default: unknown;
    check(v: unknown): string | undefined;
    /** What check() refuses, machine-readably (for the UI's own words). */
    rule?: { rule: FieldRule; params: Readonly<Record<string, number>> };
  }
> = {
  'alarm.escalationSeconds': {
    description: 'Seconds without acknowledgement before an alarm escalates to the second group',
    descriptionNl: 'Seconden zonder reactie ("ik kom") voordat een alarm naar de tweede groep gaat',
    default: 30,
    check: (v) =>
      Number.isInteger(v) && (v as number) >= 5 && (v as number) <= 600
        ? undefined
        : 'must be a whole number from 5 to 600',
    rule: { rule: 'whole-number-range', params: { min: 5, max: 600 } },
  },
  'audit.retentionNote': {
    description: 'Free text shown on the audit page (e.g. where the chain head is anchored)',
    descriptionNl: 'Vrije tekst op de auditpagina (bijv. waar de kop van de keten wordt vastgelegd)',
    default: '',
    check: (v) =>
      typeof v === 'string' && v.length <= 500 ? undefined : 'must be text of at most 500 characters',
    rule: { rule: 'max-length', params: { max: 500 } },
  },
};
