/** Sites, rooms, cameras, conversation types, organisation and settings: plain storage, no rules. */
import type { Camera, ConversationType, Room, Site } from '../../../core/registry/model.js';
import type {
  CameraRecord,
  CameraRepository,
  ConversationTypeRepository,
  OrganisationRepository,
  RoomRepository,
  SettingsRepository,
  SiteRepository,
} from '../../../services/ports.js';
import type { CameraTable, ConversationTypeTable, RoomTable, SiteTable } from '../schema.js';
import { bool, firstAs, int, type Executor } from './executor.js';

const toSite = (r: SiteTable): Site => ({
  id: r.id,
  name: r.name,
  address: r.address,
  createdAt: r.created_at,
});
const toRoom = (r: RoomTable): Room => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  floor: r.floor,
  description: r.description,
  createdAt: r.created_at,
});
const toCamera = (r: CameraTable): Camera => ({
  id: r.id,
  roomId: r.room_id,
  name: r.name,
  url: r.url,
  hasCredentials: r.credentials_sealed !== null,
  disabled: r.disabled_at !== null,
  disabledAt: r.disabled_at,
  createdAt: r.created_at,
});
const toConversationType = (r: ConversationTypeTable): ConversationType => ({
  id: r.id,
  code: r.code,
  nameNl: r.name_nl,
  nameEn: r.name_en,
  sensitive: bool(r.sensitive),
  createdAt: r.created_at,
});

export const organisationRepository = (db: Executor): OrganisationRepository => ({
  get: () =>
    firstAs(db.selectFrom('organisation').selectAll().where('id', '=', 1), (r) => ({
      name: r.name,
      address: r.address,
      dpoName: r.dpo_name,
      dpoEmail: r.dpo_email,
      dpoPhone: r.dpo_phone,
      updatedAt: r.updated_at,
    })),
  async put(o) {
    const fields = {
      name: o.name,
      address: o.address,
      dpo_name: o.dpoName,
      dpo_email: o.dpoEmail,
      dpo_phone: o.dpoPhone,
      updated_at: o.updatedAt,
    };
    await db
      .insertInto('organisation')
      .values({ id: 1, ...fields })
      .onConflict((oc) => oc.column('id').doUpdateSet(fields))
      .execute();
  },
});

export const settingsRepository = (db: Executor): SettingsRepository => ({
  async all() {
    const rows = await db.selectFrom('settings').selectAll().orderBy('key').execute();
    return rows.map((r) => ({
      key: r.key,
      value: JSON.parse(r.value) as unknown,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    }));
  },
  async get(key) {
    const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return r ? (JSON.parse(r.value) as unknown) : undefined;
  },
  async put(key, value, at, by) {
    const row = { key, value: JSON.stringify(value), updated_at: at, updated_by: by };
    await db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: at, updated_by: by }))
      .execute();
  },
});

export const siteRepository = (db: Executor): SiteRepository => ({
  list: async () => (await db.selectFrom('sites').selectAll().orderBy('name').execute()).map(toSite),
  get: (id) => firstAs(db.selectFrom('sites').selectAll().where('id', '=', id), toSite),
  findByName: (name) => firstAs(db.selectFrom('sites').selectAll().where('name', '=', name), toSite),
  insert: async (s) => {
    await db
      .insertInto('sites')
      .values({ id: s.id, name: s.name, address: s.address, created_at: s.createdAt })
      .execute();
  },
  update: async (s) => {
    await db.updateTable('sites').set({ name: s.name, address: s.address }).where('id', '=', s.id).execute();
  },
});

export const roomRepository = (db: Executor): RoomRepository => ({
  list: async (filter) => {
    let q = db.selectFrom('rooms').selectAll();
    if (filter?.siteId) q = q.where('site_id', '=', filter.siteId);
    return (await q.orderBy('site_id').orderBy('name').execute()).map(toRoom);
  },
  get: (id) => firstAs(db.selectFrom('rooms').selectAll().where('id', '=', id), toRoom),
  findByName: (siteId, name) =>
    firstAs(
      db.selectFrom('rooms').selectAll().where('site_id', '=', siteId).where('name', '=', name),
      toRoom,
    ),
  insert: async (r) => {
    await db
      .insertInto('rooms')
      .values({
        id: r.id,
        site_id: r.siteId,
        name: r.name,
        floor: r.floor,
        description: r.description,
        created_at: r.createdAt,
      })
      .execute();
  },
  update: async (r) => {
    await db
      .updateTable('rooms')
      .set({ name: r.name, floor: r.floor, description: r.description })
      .where('id', '=', r.id)
      .execute();
  },
});

const toCameraRecord = (r: CameraTable): CameraRecord => ({
  ...toCamera(r),
  credentialsSealed: r.credentials_sealed,
});

/** A removed camera (removed_at set) is gone from every read but findByName: clips still reference it. */
export const cameraRepository = (db: Executor): CameraRepository => {
  const present = () => db.selectFrom('cameras').selectAll().where('removed_at', 'is', null);
  return {
    list: async (filter) => {
      let q = present();
      if (filter?.roomId) q = q.where('room_id', '=', filter.roomId);
      return (await q.orderBy('room_id').orderBy('name').execute()).map(toCamera);
    },
    get: (id) => firstAs(present().where('id', '=', id), toCamera),
    getWithSecret: (id) => firstAs(present().where('id', '=', id), toCameraRecord),
    getManyWithSecret: async (ids) => {
      if (ids.length === 0) return [];
      return (
        await present()
          .where('id', 'in', [...ids])
          .execute()
      ).map(toCameraRecord);
    },
    findByName: (roomId, name) =>
      firstAs(
        db.selectFrom('cameras').selectAll().where('room_id', '=', roomId).where('name', '=', name),
        (r) => ({ ...toCamera(r), removed: r.removed_at !== null }),
      ),
    insert: async (c) => {
      await db
        .insertInto('cameras')
        .values({
          id: c.id,
          room_id: c.roomId,
          name: c.name,
          url: c.url,
          credentials_sealed: c.credentialsSealed,
          created_at: c.createdAt,
          disabled_at: c.disabledAt,
          removed_at: null,
        })
        .execute();
    },
    update: async (c) => {
      await db
        .updateTable('cameras')
        .set({ room_id: c.roomId, name: c.name, url: c.url, credentials_sealed: c.credentialsSealed })
        .where('id', '=', c.id)
        .execute();
    },
    setDisabled: async (id, at) => {
      await db.updateTable('cameras').set({ disabled_at: at }).where('id', '=', id).execute();
    },
    remove: async (id, at) => {
      await db.updateTable('cameras').set({ removed_at: at }).where('id', '=', id).execute();
    },
  };
};

export const conversationTypeRepository = (db: Executor): ConversationTypeRepository => ({
  list: async () =>
    (await db.selectFrom('conversation_types').selectAll().orderBy('code').execute()).map(toConversationType),
  get: (id) =>
    firstAs(db.selectFrom('conversation_types').selectAll().where('id', '=', id), toConversationType),
  findByCode: (code) =>
    firstAs(db.selectFrom('conversation_types').selectAll().where('code', '=', code), toConversationType),
  insert: async (t) => {
    await db
      .insertInto('conversation_types')
      .values({
        id: t.id,
        code: t.code,
        name_nl: t.nameNl,
        name_en: t.nameEn,
        sensitive: int(t.sensitive),
        created_at: t.createdAt,
      })
      .execute();
  },
  update: async (t) => {
    await db
      .updateTable('conversation_types')
      .set({ code: t.code, name_nl: t.nameNl, name_en: t.nameEn, sensitive: int(t.sensitive) })
      .where('id', '=', t.id)
      .execute();
  },
});
