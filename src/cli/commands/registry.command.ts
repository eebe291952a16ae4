/**
 * Commands that act on a running instance through its API (PROPORTIO_URL, PROPORTIO_TOKEN):
 * they see and cause exactly what the web UI does, under the same permissions and audit.
 */
import type { Command } from 'commander';
import type { Camera, ConversationType, Room, Site, User } from '../../core/registry/model.js';
import { clientConfig, client, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { resolveCamera, resolveRoom, resolveSite } from '../resolve.js';

const list = <T extends object>(
  io: CliIo,
  o: Conn,
  rows: T[],
  columns: string[],
  view: (r: T) => Record<string, string | number | boolean | null>,
) => emit(io, Boolean(o.json), rows, () => table(rows.map(view), columns));

export const registerRegistryCommands = (program: Command, io: CliIo): void => {
  // Sites
  const site = program.command('site').description('sites (locations with interview rooms)');
  withConn(site.command('list').description('list sites')).action(async (o: Conn) =>
    list(io, o, await client(o).get<Site[]>('/api/sites'), ['id', 'name', 'address'], (s) => ({
      id: s.id,
      name: s.name,
      address: s.address,
    })),
  );
  withConn(
    site
      .command('add')
      .description('create a site')
      .requiredOption('--name <name>')
      .option('--address <address>', 'street address', ''),
  ).action(async (o: Conn & { name: string; address: string }) => {
    const s = await client(o).post<Site>('/api/sites', { name: o.name, address: o.address });
    emit(io, Boolean(o.json), s, () => `Created site ${s.name} (${s.id})`);
  });

  // Rooms
  const room = program.command('room').description('interview rooms');
  withConn(
    room.command('list').description('list rooms').option('--site <site>', 'only this site (id or name)'),
  ).action(async (o: Conn & { site?: string }) => {
    const api = client(o);
    const siteId = o.site ? (await resolveSite(api, o.site)).id : undefined;
    const rows = await api.get<Room[]>(`/api/rooms${siteId ? `?siteId=${encodeURIComponent(siteId)}` : ''}`);
    list(io, o, rows, ['id', 'name', 'floor', 'siteId'], (r) => ({
      id: r.id,
      name: r.name,
      floor: r.floor,
      siteId: r.siteId,
    }));
  });
  withConn(
    room
      .command('add')
      .description('create a room')
      .requiredOption('--site <site>', 'site id or name')
      .requiredOption('--name <name>')
      .option('--floor <floor>', 'floor', '')
      .option('--description <text>', 'description', ''),
  ).action(async (o: Conn & { site: string; name: string; floor: string; description: string }) => {
    const api = client(o);
    const s = await resolveSite(api, o.site);
    const r = await api.post<Room>('/api/rooms', {
      siteId: s.id,
      name: o.name,
      floor: o.floor,
      description: o.description,
    });
    emit(io, Boolean(o.json), r, () => `Created room ${r.name} at ${s.name} (${r.id})`);
  });

  // Cameras
  const camera = program.command('camera').description('cameras (credentials are write-only)');
  withConn(camera.command('list').description('list cameras (removed cameras are not listed)')).action(
    async (o: Conn) =>
      list(
        io,
        o,
        await client(o).get<Camera[]>('/api/cameras'),
        ['id', 'name', 'roomId', 'url', 'credentials', 'disabled'],
        (c) => ({
          id: c.id,
          name: c.name,
          roomId: c.roomId,
          url: c.url,
          credentials: c.hasCredentials,
          disabled: c.disabled,
        }),
      ),
  );
  for (const [verb, what] of [
    ['disable', 'switch a camera off: never armed, no health error; alarms note "camera disabled"'],
    ['enable', 'switch a disabled camera on again'],
  ] as const)
    withConn(camera.command(verb).description(what).argument('<camera>', 'camera id or name')).action(
      async (ref: string, o: Conn) => {
        const api = client(o);
        const c = await resolveCamera(api, ref);
        const r = await api.post<Camera>(`/api/cameras/${c.id}/${verb}`, {});
        emit(
          io,
          Boolean(o.json),
          r,
          () => `${r.disabled ? 'Disabled' : 'Enabled'} camera ${r.name} (${r.id})`,
        );
      },
    );
  withConn(
    camera
      .command('remove')
      .description(
        'retire a camera: gone from lists and never armed again; its clips are kept (and expire by their own retention)',
      )
      .argument('<camera>', 'camera id or name'),
  ).action(async (ref: string, o: Conn) => {
    const api = client(o);
    const c = await resolveCamera(api, ref);
    await api.delete(`/api/cameras/${c.id}`);
    emit(
      io,
      Boolean(o.json),
      { id: c.id, name: c.name, removed: true },
      () => `Removed camera ${c.name} (${c.id}); its clips are kept`,
    );
  });
  withConn(
    camera
      .command('add')
      .description(
        'register a camera; the password is read from $PROPORTIO_CAMERA_PASSWORD so it stays out of shell history',
      )
      .requiredOption('--room <room>', 'room id or name')
      .requiredOption('--name <name>')
      .requiredOption('--stream-url <rtsp-url>', 'stream URL, e.g. rtsp://10.0.0.5:554/stream1')
      .option('--username <user>', 'camera user name'),
  ).action(async (o: Conn & { room: string; name: string; streamUrl: string; username?: string }) => {
    const password = clientConfig(o).cameraPassword;
    // A user name without its password cannot log in (RTSP Digest/Basic send both): refuse before
    // anything is stored, rather than register credentials that can never work.
    if (o.username && !password)
      throw new CliError(
        'REQUEST.INVALID: --username needs the camera password in $PROPORTIO_CAMERA_PASSWORD (never an option, so it stays out of shell history and ps)',
        EXIT.USAGE,
        'REQUEST.INVALID',
      );
    const api = client(o);
    const r = await resolveRoom(api, o.room);
    const c = await api.post<Camera>('/api/cameras', {
      roomId: r.id,
      name: o.name,
      url: o.streamUrl,
      ...(o.username ? { username: o.username } : {}),
      ...(password ? { password } : {}),
    });
    emit(io, Boolean(o.json), c, () => `Registered camera ${c.name} in ${r.name} (${c.id})`);
  });

  // Conversation types
  const ct = program.command('conversation-type').description('kinds of conversation');
  withConn(ct.command('list').description('list kinds of conversation')).action(async (o: Conn) =>
    list(
      io,
      o,
      await client(o).get<ConversationType[]>('/api/conversation-types'),
      ['id', 'code', 'nameNl', 'sensitive'],
      (t) => ({
        id: t.id,
        code: t.code,
        nameNl: t.nameNl,
        sensitive: t.sensitive,
      }),
    ),
  );
  withConn(
    ct
      .command('add')
      .description('create a kind of conversation')
      .requiredOption('--code <code>', 'e.g. bijstandsgesprek')
      .requiredOption('--name-nl <name>')
      .requiredOption('--name-en <name>')
      .option('--sensitive', 'usually reveals special-category or highly personal data', false),
  ).action(async (o: Conn & { code: string; nameNl: string; nameEn: string; sensitive: boolean }) => {
    const t = await client(o).post<ConversationType>('/api/conversation-types', {
      code: o.code,
      nameNl: o.nameNl,
      nameEn: o.nameEn,
      sensitive: o.sensitive,
    });
    emit(io, Boolean(o.json), t, () => `Created conversation type ${t.code} (${t.id})`);
  });

  // Users
  const user = program.command('user').description('accounts');
  withConn(user.command('list').description('list accounts')).action(async (o: Conn) =>
    list(
      io,
      o,
      await client(o).get<User[]>('/api/users'),
      ['id', 'username', 'displayName', 'roles', 'disabled'],
      (u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        roles: u.roles.join(','),
        disabled: u.disabled,
      }),
    ),
  );
  withConn(
    user
      .command('add')
      .description(
        'create an account; the initial password is read from $PROPORTIO_NEW_PASSWORD (omit for identity-provider users)',
      )
      .requiredOption('--username <username>')
      .requiredOption('--name <display-name>')
      .requiredOption(
        '--roles <roles>',
        'comma-separated: front-desk,responder,security,dpo,decision-maker,admin,auditor',
      )
      .option('--email <email>', 'e-mail address', ''),
  ).action(async (o: Conn & { username: string; name: string; roles: string; email: string }) => {
    const password = clientConfig(o).newUserPassword;
    const u = await client(o).post<User>('/api/users', {
      username: o.username,
      displayName: o.name,
      email: o.email,
      roles: o.roles
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
      ...(password ? { password } : {}),
    });
    emit(
      io,
      Boolean(o.json),
      u,
      () => `Created user ${u.username} (${u.id}) with roles ${u.roles.join(', ')}`,
    );
  });
  withConn(
    user.command('disable').description('disable an account (ends its sessions)').argument('<username>'),
  ).action(async (username: string, o: Conn) => {
    const api = client(o);
    const found = (await api.get<User[]>('/api/users')).find(
      (u) => u.username === username || u.id === username,
    );
    if (!found)
      throw new CliError(`RESOURCE.NOT_FOUND: no user "${username}"`, EXIT.NO_INPUT, 'RESOURCE.NOT_FOUND');
    const u = await api.patch<User>(`/api/users/${found.id}`, { disabled: true });
    emit(io, Boolean(o.json), u, () => `Disabled ${u.username}`);
  });
};
