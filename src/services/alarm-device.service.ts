/**
 * MQTT devices: alarm buttons (fixed in a room, or carried by a person) and subscribers
 * (building systems, pagers, lights). A device logs in with its id and a token that is shown
 * once at registration and stored only as a SHA-256 hash.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Device, DeviceKind } from '../core/alarm/model.js';
import { validName } from '../core/registry/validate.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
import type { AlarmRepositories, AlarmStore, DeviceRecord } from './alarm-ports.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from './audit.service.js';
import { sha256 } from './auth.service.js';
import type { Actor, Clock, IdGenerator } from './ports.js';
import { actorServesAllSites, actorServesSite, siteLimited } from './site-scope.js';

export interface RegisterDeviceInput {
  name: string;
  kind: DeviceKind;
  roomId?: string;
  userId?: string;
}

const publicDevice = (d: DeviceRecord): Device => {
  const { tokenHash: _omit, ...pub } = d;
  return pub;
};

const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Who is this device? Unknown, disabled and wrong-token devices get distinct, clear errors. */
export const authenticateDevice = async (
  repos: Pick<AlarmRepositories, 'devices'>,
  deviceId: string,
  token: string | undefined,
  requireToken: boolean,
): Promise<Result<DeviceRecord>> => {
  const d = await repos.devices.get(deviceId);
  if (!d) return err('DEVICE.UNKNOWN', `no device ${deviceId} is registered`, { deviceId });
  if (token === undefined && requireToken)
    return err('DEVICE.BAD_TOKEN', `device ${deviceId} sent no token`, { deviceId });
  if (token !== undefined && !sameHash(sha256(token), d.tokenHash))
    return err('DEVICE.BAD_TOKEN', `wrong token for device ${deviceId}`, { deviceId });
  if (d.disabledAt !== null) return err('DEVICE.DISABLED', `device ${deviceId} is disabled`, { deviceId });
  return ok(d);
};

/** A button belongs to its room's site; a subscriber hears every site, so only someone serving all manages it. */
const mayManage = async (
  repos: Pick<AlarmRepositories, 'rooms'>,
  actor: Actor,
  d: Pick<DeviceRecord, 'roomId'>,
): Promise<boolean> => {
  if (d.roomId === null) return actorServesAllSites(actor);
  const room = await repos.rooms.get(d.roomId);
  return room !== undefined && actorServesSite(actor, room.siteId);
};

export const deviceService = (deps: { store: AlarmStore; clock: Clock; ids: IdGenerator }) => {
  const { store, clock, ids } = deps;
  return {
    /** The devices this actor may manage (see mayManage). */
    list: async (viewer: Actor): Promise<Device[]> => {
      const out: Device[] = [];
      for (const d of await store.read.devices.list())
        if (await mayManage(store.read, viewer, d)) out.push(publicDevice(d));
      return out;
    },
    get: async (id: string): Promise<Device | undefined> => {
      const d = await store.read.devices.get(id);
      return d && publicDevice(d);
    },

    /** Returns the token once; it cannot be read back, only replaced (rotateToken). */
    register: (
      actor: Actor,
      input: RegisterDeviceInput,
    ): Promise<Result<{ device: Device; token: string }>> =>
      inTransaction(store, async (repos) => {
        const name = unwrap(validName('name', input.name));
        if (await repos.devices.findByName(name))
          unwrap(err('RESOURCE.CONFLICT', `a device named "${name}" already exists`, { field: 'name' }));
        if (input.kind === 'subscriber' && (input.roomId || input.userId)) {
          unwrap(
            err('REQUEST.INVALID', 'a subscriber belongs to no room or person', {
              field: input.roomId ? 'roomId' : 'userId',
            }),
          );
        }
        if (input.kind === 'button' && !input.roomId) {
          unwrap(
            err(
              'REQUEST.INVALID',
              'a button needs a room (for a personal button: the room used when its wearer has no running conversation)',
              { field: 'roomId' },
            ),
          );
        }
        if (input.kind === 'subscriber' && !actorServesAllSites(actor)) unwrap(siteLimited());
        const room = input.roomId ? await repos.rooms.get(input.roomId) : undefined;
        if (input.roomId && (!room || !actorServesSite(actor, room.siteId)))
          unwrap(err('ALARM.UNKNOWN_ROOM', `room ${input.roomId} does not exist`, { field: 'roomId' }));
        if (input.userId && !(await repos.users.get(input.userId)))
          unwrap(err('RESOURCE.NOT_FOUND', `user ${input.userId} does not exist`, { field: 'userId' }));
        const token = `pdt_${ids.newSecret()}`;
        const d: DeviceRecord = {
          id: ids.newId(),
          name,
          kind: input.kind,
          roomId: input.roomId ?? null,
          userId: input.userId ?? null,
          tokenHash: sha256(token),
          createdAt: clock.now().toISOString(),
          disabledAt: null,
          lastSeenAt: null,
        };
        await repos.devices.insert(d);
        await recordAudit(repos, clock, actor, 'device.register', `device:${d.id}`, {
          name,
          kind: d.kind,
          roomId: d.roomId,
          userId: d.userId,
        });
        return { device: publicDevice(d), token };
      }),

    rotateToken: (actor: Actor, id: string): Promise<Result<{ device: Device; token: string }>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.devices.get(id);
        if (!cur || !(await mayManage(repos, actor, cur)))
          return unwrap(err('DEVICE.UNKNOWN', `no device ${id} is registered`, { deviceId: id }));
        const token = `pdt_${ids.newSecret()}`;
        const d = { ...cur, tokenHash: sha256(token) };
        await repos.devices.update(d);
        await recordAudit(repos, clock, actor, 'device.rotate-token', `device:${id}`, {});
        return { device: publicDevice(d), token };
      }),

    setDisabled: (actor: Actor, id: string, disabled: boolean): Promise<Result<Device>> =>
      inTransaction(store, async (repos) => {
        const cur = await repos.devices.get(id);
        if (!cur || !(await mayManage(repos, actor, cur)))
          return unwrap(err('DEVICE.UNKNOWN', `no device ${id} is registered`, { deviceId: id }));
        const d = { ...cur, disabledAt: disabled ? (cur.disabledAt ?? clock.now().toISOString()) : null };
        await repos.devices.update(d);
        await recordAudit(
          repos,
          clock,
          actor,
          disabled ? 'device.disable' : 'device.enable',
          `device:${id}`,
          {},
        );
        return publicDevice(d);
      }),

    authenticate: (deviceId: string, token: string | undefined) =>
      authenticateDevice(store.read, deviceId, token, true),
  };
};

export type DeviceService = ReturnType<typeof deviceService>;

/**
 * Demo hardware for `serve --demo`: a fixed button in every room and one subscriber (for
 * mosquitto_sub). Returns the tokens once, to print. Call after the demo data is loaded.
 */
export const registerDemoDevices = async (
  devices: DeviceService,
  actor: Actor,
  rooms: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): Promise<Array<{ name: string; id: string; kind: DeviceKind; token: string }>> => {
  const out: Array<{ name: string; id: string; kind: DeviceKind; token: string }> = [];
  const add = async (input: RegisterDeviceInput) => {
    const r = await devices.register(actor, input);
    if (r.ok)
      out.push({
        name: r.value.device.name,
        id: r.value.device.id,
        kind: r.value.device.kind,
        token: r.value.token,
      });
  };
  for (const room of rooms)
    await add({ name: `Knop ${room.name}`.slice(0, 100), kind: 'button', roomId: room.id });
  await add({ name: 'Gebouwbeheer (demo)', kind: 'subscriber' });
  return out;
};
