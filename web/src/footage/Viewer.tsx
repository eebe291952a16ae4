/**
 * The viewer of a grant: one POST to /plays (the server writes `viewing.played` to the audit
 * chain before it answers), then a plain <video> on the short-lived, session-bound URL it returns.
 * No download button, no picture-in-picture, no remote playback, no context menu on the video;
 * over the picture the viewer's name, the current time in Europe/Amsterdam and "vertrouwelijk".
 * When the grant has ended (expired, used up, revoked) the page says so instead.
 */
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { useI18n, type Language } from '../i18n/index.js';
import { footageProblemText } from './errors.js';
import { footageHref } from './paths.js';
import type { Play } from './types.js';

const ZONE = 'Europe/Amsterdam';

/** "5 december 2026 14:03:07" in Amsterdam time, whatever the device's zone. */
export const amsterdamTime = (lang: Language, d: Date): string =>
  d.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: ZONE,
    dateStyle: 'long',
    timeStyle: 'medium',
  });

/** The current time, once a second. */
const useClock = (now: () => Date): Date => {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [now]);
  return time;
};

const ended = (e: unknown): boolean => e instanceof ApiError && e.problem.code === 'FOOTAGE.GRANT_ENDED';
/** Not this user's grant (or session): a refusal to explain, not a failure to retry. */
const refused = (e: unknown): boolean => e instanceof ApiError && e.status === 403;

export interface ViewerProps {
  readonly grantId: string;
  /** The clock (tests pass their own). */
  readonly now?: () => Date;
}

const systemNow = () => new Date();

export const Viewer = ({ grantId, now = systemNow }: ViewerProps) => {
  const { t, lang } = useI18n();
  const f = t.footage;
  const [play, setPlay] = useState<Play | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [videoFailed, setVideoFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // One play per attempt, also when React runs the effect twice (StrictMode in development).
  const started = useRef<number | null>(null);
  const clock = useClock(now);

  useEffect(() => {
    if (started.current === attempt) return;
    started.current = attempt;
    setPlay(undefined);
    setError(undefined);
    setVideoFailed(false);
    api.post<Play>(`/api/footage/grants/${encodeURIComponent(grantId)}/plays`, {}).then(setPlay, setError);
  }, [grantId, attempt]);

  const expired = play !== undefined && new Date(play.expiresAt).getTime() <= clock.getTime();
  const over = ended(error) || expired;

  return (
    <>
      <PageTitle>{f.viewerTitle}</PageTitle>
      <Paragraph>{f.viewerIntro}</Paragraph>
      {over ? (
        <Alert type="warning">
          <Paragraph>{f.ended}</Paragraph>
        </Alert>
      ) : refused(error) ? (
        <Alert type="warning">
          <Paragraph>{footageProblemText(t, error)}</Paragraph>
        </Alert>
      ) : error ? (
        <Alert type="error">
          <Paragraph>{footageProblemText(t, error)}</Paragraph>
        </Alert>
      ) : !play ? (
        <Loading />
      ) : (
        <>
          <Paragraph>
            {play.clip.roomName}, {play.clip.cameraName}
            {play.clip.startedAt ? ` · ${amsterdamTime(lang, new Date(play.clip.startedAt))}` : ''}
          </Paragraph>
          <Paragraph className="pp-viewer__limits">
            {f.playsLeft(play.playsLeft)} · {f.expiresAt(amsterdamTime(lang, new Date(play.expiresAt)))}
          </Paragraph>
          <div className="pp-viewer" onContextMenu={(e) => e.preventDefault()}>
            <video
              className="pp-viewer__video"
              src={play.url}
              controls
              controlsList="nodownload noremoteplayback"
              disablePictureInPicture
              disableRemotePlayback
              playsInline
              preload="auto"
              aria-label={f.videoLabel(play.clip.roomName, play.clip.cameraName)}
              onContextMenu={(e) => e.preventDefault()}
              onError={() => setVideoFailed(true)}
            />
            <div className="pp-viewer__overlay" data-testid="viewer-overlay">
              <span>{play.viewer.displayName}</span>
              <span>{amsterdamTime(lang, clock)}</span>
              <span className="pp-viewer__confidential">{f.confidential}</span>
            </div>
          </div>
          {videoFailed ? (
            <Alert type="error">
              <Paragraph>{f.videoFailed}</Paragraph>
            </Alert>
          ) : null}
        </>
      )}
      {!over && (videoFailed || (error !== undefined && !refused(error))) ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setAttempt((n) => n + 1)}>
            {f.playAgain}
          </Button>
        </ButtonGroup>
      ) : null}
      <Paragraph>
        <AppLink href={footageHref({ kind: 'list' })}>{f.backToRequests}</AppLink>
      </Paragraph>
    </>
  );
};
