/**
 * Camera status (issue 5, health): per camera whether the policy arms it now, the connection
 * state (online / offline / unauthorised / bad stream) and how the stream arrives (last frame,
 * bitrate, keyframe interval, restarts). Refreshed every 10 s; outages also show in the banner.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { api } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n.js';
import { useRegistry } from '../registry.js';

/** One row of GET /api/recording/cameras (the fields this page shows). */
interface CameraStatus {
  readonly cameraId: string;
  readonly cameraName: string;
  readonly roomId: string;
  readonly armed: boolean;
  readonly state: string;
  readonly stateSince: string | null;
  readonly error: string | null;
  readonly offReason: string | null;
  readonly lastFragmentAt: string | null;
  readonly bitrateBps: number | null;
  readonly gopSeconds: number | null;
  readonly gopWarning: boolean;
  readonly restarts: number;
}

const REFRESH_MS = 10_000;

export const CameraStatusPage = () => {
  const { t, lang } = useI18n();
  const c = t.cameraStatus;
  const { registry } = useRegistry();
  const cameras = useLoad(() => api.get<CameraStatus[]>('/api/recording/cameras'), []);
  const { reload } = cameras;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const rows = cameras.data ?? [];
  const state = (s: CameraStatus) =>
    `${c.states[s.state] ?? s.state}${s.stateSince ? ` (${formatDateTime(lang, s.stateSince)})` : ''}`;
  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <Paragraph>{c.intro}</Paragraph>
      {cameras.loading && !cameras.data ? <Loading /> : null}
      {cameras.error ? <LoadError error={cameras.error} /> : null}
      {cameras.data && rows.length === 0 ? <Paragraph>{c.none}</Paragraph> : null}
      {rows.length > 0 ? (
        <ResourceTable
          caption={c.caption}
          rows={rows}
          rowKey={(s) => s.cameraId}
          rowHeader={{ header: c.camera, cell: (s) => s.cameraName }}
          columns={[
            { header: c.room, cell: (s) => registry.roomLabel(s.roomId) },
            { header: c.armed, cell: (s) => (s.armed ? c.armedYes : c.armedNo) },
            { header: c.state, cell: state },
            {
              header: c.lastFragment,
              cell: (s) => (s.lastFragmentAt ? formatDateTime(lang, s.lastFragmentAt) : '—'),
            },
            {
              header: c.bitrate,
              cell: (s) => (s.bitrateBps ? `${(s.bitrateBps / 1e6).toFixed(1)} Mbit/s` : '—'),
            },
            {
              header: c.gop,
              cell: (s) => (s.gopSeconds ? `${s.gopSeconds.toFixed(1)} s${s.gopWarning ? ' ⚠' : ''}` : '—'),
            },
            { header: c.restarts, cell: (s) => String(s.restarts) },
            { header: c.why, cell: (s) => s.error ?? s.offReason ?? '' },
          ]}
        />
      ) : null}
    </>
  );
};
