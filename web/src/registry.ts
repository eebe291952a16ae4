/** Sites, rooms and kinds of conversation by id: the names that alarm, incident and statistics pages show. */
import { api, type ConversationType, type Room, type Site } from './api.js';
import { useLoad, type Loadable } from './hooks.js';
import { useI18n } from './i18n/index.js';

export interface Registry {
  readonly sites: readonly Site[];
  readonly rooms: readonly Room[];
  readonly types: readonly ConversationType[];
  readonly siteName: (id: string) => string;
  readonly roomName: (id: string) => string;
  /** "Stadhuis Lindewaard — Spreekkamer 2" */
  readonly roomLabel: (id: string) => string;
  readonly typeName: (id: string | null) => string;
}

export const useRegistry = (): Loadable<Registry> & { readonly registry: Registry } => {
  const { lang } = useI18n();
  const load = useLoad(
    () =>
      Promise.all([
        api.get<Site[]>('/api/sites'),
        api.get<Room[]>('/api/rooms'),
        api.get<ConversationType[]>('/api/conversation-types'),
      ]),
    [],
  );
  const [sites, rooms, types] = load.data ?? [[], [], []];
  const siteName = (id: string) => sites.find((s) => s.id === id)?.name ?? id;
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? id;
  const registry: Registry = {
    sites,
    rooms,
    types,
    siteName,
    roomName,
    roomLabel: (id) => {
      const room = rooms.find((r) => r.id === id);
      return room ? `${siteName(room.siteId)} — ${room.name}` : id;
    },
    typeName: (id) => {
      const ct = types.find((c) => c.id === id);
      return ct ? (lang === 'nl' ? ct.nameNl : ct.nameEn) : (id ?? '');
    },
  };
  return { ...load, data: load.data ? registry : undefined, registry };
};
