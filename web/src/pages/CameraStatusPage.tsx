/**
 * Camera status (issue 5, health): per camera whether the policy arms it now, the connection
 * state (online / offline / unauthorised / bad stream) and how the stream arrives (last frame,
 * bitrate, keyframe interval, restarts). Refreshed every 10 s; outages also show in the banner.
 * Administrators can disable, enable or remove a camera here (with a confirmation).
 */
import { ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { api, type Camera } from '../api.js';
import { CameraActionButtons, ConfirmCameraAction, type CameraAction } from '../components/CameraActions.js';
import { Notice } from '../components/Notice.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable, useEditor } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, formatNumber, useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useSession } from '../session.js';

/** One camera of GET /api/recording/status (the fields this page shows). */
interface CameraStatus {
  readonly cameraId: string;
  readonly cameraName: string;
  readonly roomId: string;
  readonly armed: boolean;
  readonly state: string;
  readonly stateSince: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Why it is off (camera-disabled, suspended, objection, policy-off, vault-key-missing, …). */
  readonly offKind: string | null;
  readonly lastFragmentAt: string | null;
  readonly bitrateBps: number | null;
  readonly gopSeconds: number | null;
  readonly gopWarning: boolean;
  readonly restarts: number;
}

/** GET /api/recording/status: whether the recorder runs, and its cameras (none while it does not). */
interface RecorderStatus {
  readonly running: boolean;
  readonly cameras: readonly CameraStatus[];
}

const REFRESH_MS = 10_000;

export const CameraStatusPage = () => {
  const { t, lang } = useI18n();
  const c = t.cameraStatus;
  const { registry } = useRegistry();
  const { can } = useSession();
  // Administrators switch a camera off or retire it right here, where its fault shows.
  const writable = can('cameras:write');
  // Who fixes the server reads the fix; everyone else reads that it is known and being handled.
  const fixer = can('settings:write');
  const cameras = useLoad(() => api.get<RecorderStatus>('/api/recording/status'), []);
  const registered = useLoad(
    () => (writable ? api.get<Camera[]>('/api/cameras') : Promise.resolve([] as Camera[])),
    [writable],
  );
  const { reload } = cameras;
  const reloadRegistered = registered.reload;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const editor = useEditor<{ readonly camera: Camera; readonly action: CameraAction }>(() => {
    reload();
    reloadRegistered();
  });
  const { editing } = editor;
  const cameraOf = (id: string) => registered.data?.find((x) => x.id === id);
  const rows = cameras.data?.cameras ?? [];
  // A recorder that does not run plans no camera: that is not "no cameras registered".
  const empty = cameras.data?.running === false ? (fixer ? c.notRunningForAdmin : c.notRunning) : c.none;
  const why = (s: CameraStatus): string => {
    if (s.offKind !== null) return (fixer ? c.offForAdmin[s.offKind] : undefined) ?? c.off[s.offKind] ?? '';
    if (s.error !== null) return fixer ? c.connectionProblemForAdmin : c.connectionProblem;
    return '';
  };
  const state = (s: CameraStatus) =>
    `${c.states[s.state] ?? s.state}${s.stateSince ? ` (${formatDateTime(lang, s.stateSince)})` : ''}`;
  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <Paragraph>{c.intro}</Paragraph>
      <Notice text={editor.notice} />
      {writable && editing !== null ? (
        <ConfirmCameraAction
          key={`${editing.action}-${editing.camera.id}`}
          camera={editing.camera}
          action={editing.action}
          {...editor.formProps(t.cameras.actionDone[editing.action])}
        />
      ) : null}
      {cameras.loading && !cameras.data ? <Loading /> : null}
      {cameras.error ? <LoadError error={cameras.error} /> : null}
      {cameras.data && rows.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {rows.length > 0 ? (
        <ResourceTable
          stackOnPhone
          caption={c.caption}
          rows={rows}
          rowKey={(s) => s.cameraId}
          rowHeader={{ header: c.camera, cell: (s) => s.cameraName }}
          columns={[
            { header: c.room, cell: (s) => registry.roomLabel(s.roomId), className: 'pp-break' },
            { header: c.armed, cell: (s) => (s.armed ? c.armedYes : c.armedNo) },
            { header: c.state, cell: state },
            {
              header: c.lastFragment,
              cell: (s) => (s.lastFragmentAt ? formatDateTime(lang, s.lastFragmentAt) : '—'),
            },
            {
              header: c.bitrate,
              cell: (s) => (s.bitrateBps ? `${formatNumber(lang, s.bitrateBps / 1e6)} Mbit/s` : '—'),
            },
            {
              header: c.gop,
              cell: (s) =>
                s.gopSeconds ? `${formatNumber(lang, s.gopSeconds)} s${s.gopWarning ? ' ⚠' : ''}` : '—',
            },
            { header: c.restarts, cell: (s) => String(s.restarts) },
            { header: c.why, cell: why },
          ]}
          actions={
            writable
              ? (s) => {
                  const camera = cameraOf(s.cameraId);
                  return camera ? (
                    <ButtonGroup>
                      <CameraActionButtons
                        camera={camera}
                        onAction={(action) => editor.open({ camera, action })}
                      />
                    </ButtonGroup>
                  ) : null;
                }
              : undefined
          }
        />
      ) : null}
    </>
  );
};
