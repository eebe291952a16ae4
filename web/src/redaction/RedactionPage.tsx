/**
 * The DPO's review of a redacted copy (issue 12 §2, docs/redaction.md): one resident's request ×
 * one linked clip. Steps: the four-eyes permission to decrypt (a viewing request on the ground
 * subject access, approved by a second custodian), face detection in the background, the review
 * (the clip plays through the grant with the boxes drawn over it; a timeline of the tracks with
 * "requester" and "consented" boxes; boxes drawn with the pointer or typed in a form), the render,
 * and the copy to download. On a small screen only the state and the copy show.
 */
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { ApiError, api, type RedactionJob, type RedactionReviewBody, type ViewingRequest } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { TableScroll } from '../components/TableScroll.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { footageHref } from '../footage/paths.js';
import { problemText } from '../hooks.js';
import { useI18n, type Dictionary } from '../i18n/index.js';
import { boxFromCorners, boxesAt, type Box, type Edit } from './geometry.js';
import { jobApi } from './paths.js';

const EMPTY: RedactionReviewBody = { keepTrackIds: [], consentedTrackIds: [], edits: [] };
const running = (j: RedactionJob | null) => j?.state === 'detecting' || j?.state === 'rendering';

const amsterdam = (lang: string, iso: string) =>
  new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  });

/** Wide enough for the review (the player, the timeline and the form side by side in reach). */
const useWide = (): boolean => {
  const query = '(min-width: 1024px)';
  const [wide, setWide] = useState(() => window.matchMedia?.(query).matches ?? true);
  useEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return;
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return wide;
};

interface BoxForm {
  target: string;
  from: string;
  to: string;
  x: string;
  y: string;
  w: string;
  h: string;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export const RedactionPage = ({ requestId, clipId }: { requestId: string; clipId: string }) => {
  const { t, lang } = useI18n();
  const r = t.redaction;
  const wide = useWide();
  const [job, setJob] = useState<RedactionJob | null | undefined>(undefined);
  const [viewing, setViewing] = useState<ViewingRequest | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [review, setReview] = useState<RedactionReviewBody>(EMPTY);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [reason, setReason] = useState(r.grantReasonDefault);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [previewFailed, setPreviewFailed] = useState(false);
  const [form, setForm] = useState<BoxForm>({
    target: 'new',
    from: '0',
    to: '1',
    x: '',
    y: '',
    w: '',
    h: '',
  });
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [drag, setDrag] = useState<{ a: { x: number; y: number }; b: { x: number; y: number } } | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const base = jobApi(requestId, clipId);

  const loadViewing = useCallback(async () => {
    const list = await api.get<ViewingRequest[]>(
      `/api/footage/requests?clipId=${encodeURIComponent(clipId)}`,
    );
    const mine = list.find(
      (v) => v.legalGround === 'subject-access' && (v.state === 'pending' || v.state === 'granted'),
    );
    setViewing(mine ?? null);
  }, [clipId]);

  const load = useCallback(async () => {
    try {
      const j = await api.get<RedactionJob>(base);
      setJob(j);
      return j;
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === 'REDACTION.NOT_DETECTED') {
        setJob(null);
        return null;
      }
      setError(problemText(t, e));
      setJob(null);
      return null;
    }
  }, [base, t]);

  useEffect(() => {
    void load().then((j) => {
      if (j?.review) setReview({ ...EMPTY, ...j.review } as RedactionReviewBody);
    });
    loadViewing().catch(() => setViewing(null));
  }, [load, loadViewing]);

  // While a step runs, ask every two seconds how far it is.
  useEffect(() => {
    if (!running(job ?? null)) return;
    const timer = setInterval(() => {
      void load().then((j) => {
        if (j?.state === 'detected' && j.review === null) setReview(EMPTY);
      });
    }, 2000);
    return () => clearInterval(timer);
  }, [job, load]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    setSaved(false);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(problemText(t, e));
    }
  };

  const requestGrant = () =>
    act(async () => {
      await api.post('/api/footage/requests', {
        clipId,
        reason,
        legalGround: 'subject-access',
        purposes: ['view'],
      });
      await loadViewing();
    });

  const saveReview = async (): Promise<boolean> => {
    setError(undefined);
    try {
      const j = await api.put<RedactionJob>(`${base}/review`, review);
      setJob(j);
      setDirty(false);
      setSaved(true);
      return true;
    } catch (e) {
      setError(problemText(t, e));
      return false;
    }
  };

  const change = (next: RedactionReviewBody) => {
    setReview(next);
    setDirty(true);
    setSaved(false);
  };
  const toggle = (list: 'keepTrackIds' | 'consentedTrackIds', id: string, on: boolean) => {
    const other = list === 'keepTrackIds' ? 'consentedTrackIds' : 'keepTrackIds';
    change({
      ...review,
      [list]: on ? [...review[list].filter((x) => x !== id), id] : review[list].filter((x) => x !== id),
      [other]: on ? review[other].filter((x) => x !== id) : review[other],
    });
  };

  const tracks = job?.tracks ?? null;
  const duration = tracks ? tracks.frameCount / tracks.fps : 0;
  const faceName = (id: string) => r.face(id);

  // Pointer drawing on the frame: a box from where the pointer went down to where it went up.
  const toFrame = (e: PointerEvent<SVGSVGElement>) => {
    const rect = svg.current!.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * (tracks?.width ?? 1),
      y: ((e.clientY - rect.top) / rect.height) * (tracks?.height ?? 1),
    };
  };
  const drawn = drag && tracks ? boxFromCorners(drag.a, drag.b, tracks) : null;
  const endDrag = () => {
    if (drawn && drawn.w > 4 && drawn.h > 4) {
      video.current?.pause();
      setForm({
        target: 'new',
        from: fmt(time),
        to: fmt(Math.min(duration, time + 1)),
        x: String(drawn.x),
        y: String(drawn.y),
        w: String(drawn.w),
        h: String(drawn.h),
      });
      document.getElementById('box-from')?.focus();
    }
    setDrag(null);
  };

  const putBox = () => {
    const n = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
    const [from, to, x, y, w, h] = [form.from, form.to, form.x, form.y, form.w, form.h].map(n) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (![from, to, x, y, w, h].every(Number.isFinite) || w <= 0 || h <= 0 || to < from || from < 0) {
      setFormError(r.boxInvalid);
      return;
    }
    setFormError(undefined);
    const box: Box = { x, y, w, h };
    const edit: Edit =
      form.target === 'new'
        ? { kind: 'add', from, to, box }
        : { kind: 'resize', trackId: form.target, from, to, box };
    change({ ...review, edits: [...review.edits, edit] });
  };

  const editText = (e: Edit) =>
    e.kind === 'add'
      ? r.editAdd(e.from, e.to)
      : e.kind === 'remove'
        ? r.editRemove(faceName(e.trackId))
        : r.editResize(faceName(e.trackId), e.from, e.to);

  const removedWhole = (id: string) =>
    review.edits.some((e) => e.kind === 'remove' && e.trackId === id && e.from === undefined);

  if (job === undefined) return <Loading />;
  const state = job?.state ?? 'none';
  const grantLive =
    job?.grant ?? (viewing?.state === 'granted' && viewing.grant?.live ? viewing.grant : null);

  return (
    <>
      <PageTitle>{r.title}</PageTitle>
      <Paragraph>{r.intro}</Paragraph>
      <Paragraph>{r.context(requestId, clipId)}</Paragraph>
      <Paragraph>
        <strong>{r.state}:</strong> <span data-testid="redaction-state">{r.states[state]}</span>
      </Paragraph>
      {running(job ?? null) ? (
        <Paragraph>
          <label htmlFor="redaction-progress">{r.progress}</label>{' '}
          <progress id="redaction-progress" max={100} value={Math.round((job?.progress ?? 0) * 100)} />{' '}
          {r.progressValue(Math.round((job?.progress ?? 0) * 100))}
        </Paragraph>
      ) : null}
      {job?.state === 'failed' && job.error ? (
        <Alert type="error">
          <Paragraph>{r.failed(job.error.message)}</Paragraph>
        </Alert>
      ) : null}
      {error ? (
        <Alert type="error">
          <Paragraph role="alert">{error}</Paragraph>
        </Alert>
      ) : null}
      {!wide ? (
        <Alert type="info">
          <Paragraph>{r.smallScreen}</Paragraph>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="grant-title">
            <Heading2 id="grant-title">{r.grantTitle}</Heading2>
            <Paragraph>{r.grantIntro}</Paragraph>
            {grantLive ? (
              <Paragraph>{r.grantLive(amsterdam(lang, grantLive.expiresAt))}</Paragraph>
            ) : viewing?.state === 'pending' ? (
              <Paragraph>
                {r.grantPending}{' '}
                <AppLink href={footageHref({ kind: 'request', id: viewing.id })}>{r.grantOpen}</AppLink>
              </Paragraph>
            ) : (
              <>
                <Paragraph>{r.grantNone}</Paragraph>
                <TextAreaField
                  id="grant-reason"
                  label={r.grantReason}
                  description={r.grantReasonHint}
                  value={reason}
                  onChange={setReason}
                  required
                />
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => void requestGrant()}>
                    {r.grantRequest}
                  </Button>
                </ButtonGroup>
              </>
            )}
          </section>

          <section aria-labelledby="detect-title">
            <Heading2 id="detect-title">{r.detectTitle}</Heading2>
            <Paragraph>{r.detectIntro}</Paragraph>
            <ButtonGroup>
              <Button
                appearance={tracks ? 'secondary-action-button' : 'primary-action-button'}
                disabled={running(job ?? null)}
                onClick={() => void act(() => api.post(`${base}/detect`))}
              >
                {tracks ? r.detectAgain : r.detect}
              </Button>
            </ButtonGroup>
          </section>

          {tracks ? (
            <section aria-labelledby="review-title">
              <Heading2 id="review-title">{r.reviewTitle}</Heading2>
              <Paragraph>{r.reviewIntro}</Paragraph>
              <Paragraph>
                {r.legendKept} · {r.legendBlurred}
              </Paragraph>
              <div
                className="pp-redaction__stage"
                style={{ aspectRatio: `${tracks.width} / ${tracks.height}` }}
              >
                <video
                  ref={video}
                  className="pp-redaction__video"
                  src={`${base}/preview`}
                  disablePictureInPicture
                  muted
                  playsInline
                  preload="auto"
                  aria-label={r.videoLabel}
                  onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
                  onPlay={() => setPlaying(true)}
                  onPause={() => setPlaying(false)}
                  onSeeked={(e) => setTime(e.currentTarget.currentTime)}
                  onError={() => setPreviewFailed(true)}
                />
                <svg
                  ref={svg}
                  className="pp-redaction__overlay"
                  viewBox={`0 0 ${tracks.width} ${tracks.height}`}
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  data-testid="redaction-overlay"
                  onPointerDown={(e) => {
                    e.currentTarget.setPointerCapture(e.pointerId);
                    const p = toFrame(e);
                    setDrag({ a: p, b: p });
                  }}
                  onPointerMove={(e) => drag && setDrag({ ...drag, b: toFrame(e) })}
                  onPointerUp={endDrag}
                >
                  {boxesAt(tracks, review, time).map((b) => (
                    <g key={b.key}>
                      <rect
                        x={b.box.x}
                        y={b.box.y}
                        width={b.box.w}
                        height={b.box.h}
                        className={b.kept ? 'pp-redaction__box--kept' : 'pp-redaction__box'}
                      />
                      <text x={b.box.x + 6} y={b.box.y + 28} className="pp-redaction__label">
                        {b.source.startsWith('face-') ? faceName(b.source) : b.source}
                      </text>
                    </g>
                  ))}
                  {drawn ? (
                    <rect
                      x={drawn.x}
                      y={drawn.y}
                      width={drawn.w}
                      height={drawn.h}
                      className="pp-redaction__box--drawing"
                    />
                  ) : null}
                </svg>
              </div>
              {/* Own controls below the picture: the face boxes cover the whole frame, and a
                  native control bar over it would hide the lower part of the picture. */}
              <div className="pp-redaction__controls">
                <Button
                  appearance="secondary-action-button"
                  onClick={() => {
                    const v = video.current;
                    if (!v) return;
                    if (v.paused) void v.play();
                    else v.pause();
                  }}
                >
                  {playing ? r.pause : r.play}
                </Button>
                <input
                  type="range"
                  className="pp-redaction__seek"
                  min={0}
                  max={duration}
                  step={0.04}
                  value={Math.min(time, duration)}
                  aria-label={r.seekBar}
                  aria-valuetext={r.position(fmt(time), fmt(duration))}
                  onChange={(e) => {
                    const v = video.current;
                    if (v) v.currentTime = Number(e.target.value);
                    setTime(Number(e.target.value));
                  }}
                />
                <span>{r.position(fmt(time), fmt(duration))}</span>
              </div>
              {previewFailed ? (
                <Alert type="warning">
                  <Paragraph>{r.previewFailed}</Paragraph>
                </Alert>
              ) : null}

              <TableScroll label={r.timeline}>
                <Table className="pp-table">
                  <TableCaption>{r.timelineCaption}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{r.columnFace}</TableHeaderCell>
                      <TableHeaderCell scope="col">{r.columnSpan}</TableHeaderCell>
                      <TableHeaderCell scope="col">{r.columnBar}</TableHeaderCell>
                      <TableHeaderCell scope="col">{r.columnKeep}</TableHeaderCell>
                      <TableHeaderCell scope="col">{r.columnConsent}</TableHeaderCell>
                      <TableHeaderCell scope="col">{r.columnActions}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {tracks.tracks.map((tr) => {
                      const face = faceName(tr.id);
                      return (
                        <TableRow key={tr.id}>
                          <TableHeaderCell scope="row">{face}</TableHeaderCell>
                          <TableCell>{r.span(tr.start, tr.end)}</TableCell>
                          <TableCell>
                            <div className="pp-redaction__bar" aria-hidden="true">
                              <div
                                className="pp-redaction__bar-span"
                                style={{
                                  left: `${(tr.start / Math.max(duration, 0.001)) * 100}%`,
                                  width: `${Math.max(1, ((tr.end - tr.start) / Math.max(duration, 0.001)) * 100)}%`,
                                }}
                              />
                            </div>
                          </TableCell>
                          <TableCell>
                            <CheckboxField
                              id={`keep-${tr.id}`}
                              label={r.keep(face)}
                              checked={review.keepTrackIds.includes(tr.id)}
                              onChange={(on) => toggle('keepTrackIds', tr.id, on)}
                            />
                          </TableCell>
                          <TableCell>
                            <CheckboxField
                              id={`consent-${tr.id}`}
                              label={r.consent(face)}
                              checked={review.consentedTrackIds.includes(tr.id)}
                              onChange={(on) => toggle('consentedTrackIds', tr.id, on)}
                            />
                          </TableCell>
                          <TableCell>
                            <ButtonGroup>
                              <Button
                                appearance="subtle-button"
                                aria-label={r.seekLabel(face)}
                                onClick={() => {
                                  if (video.current) video.current.currentTime = tr.start;
                                  setTime(tr.start);
                                }}
                              >
                                {r.seek}
                              </Button>
                              <Button
                                appearance="subtle-button"
                                aria-label={r.resizeLabel(face)}
                                onClick={() => {
                                  const b = tr.keyframes[0];
                                  setForm({
                                    target: tr.id,
                                    from: fmt(tr.start),
                                    to: fmt(tr.end),
                                    x: b ? fmt(b.x) : '',
                                    y: b ? fmt(b.y) : '',
                                    w: b ? fmt(b.w) : '',
                                    h: b ? fmt(b.h) : '',
                                  });
                                  document.getElementById('box-from')?.focus();
                                }}
                              >
                                {r.resize}
                              </Button>
                              {removedWhole(tr.id) ? (
                                <Button
                                  appearance="subtle-button"
                                  aria-label={r.restoreLabel(face)}
                                  onClick={() =>
                                    change({
                                      ...review,
                                      edits: review.edits.filter(
                                        (e) =>
                                          !(
                                            e.kind === 'remove' &&
                                            e.trackId === tr.id &&
                                            e.from === undefined
                                          ),
                                      ),
                                    })
                                  }
                                >
                                  {r.restore}
                                </Button>
                              ) : (
                                <Button
                                  appearance="subtle-button"
                                  aria-label={r.notAFaceLabel(face)}
                                  onClick={() =>
                                    change({
                                      ...review,
                                      edits: [...review.edits, { kind: 'remove', trackId: tr.id }],
                                    })
                                  }
                                >
                                  {r.notAFace}
                                </Button>
                              )}
                            </ButtonGroup>
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </TableScroll>
              {tracks.tracks.length === 0 ? <Paragraph>{r.noFaces}</Paragraph> : null}

              <fieldset className="pp-redaction__form">
                <legend>{r.boxTitle}</legend>
                <Paragraph>{r.boxIntro}</Paragraph>
                <div className="pp-redaction__field">
                  <label htmlFor="box-target">{r.boxFor}</label>
                  <select
                    id="box-target"
                    className="utrecht-select utrecht-select--html-select"
                    value={form.target}
                    onChange={(e) => setForm({ ...form, target: e.target.value })}
                  >
                    <option value="new">{r.boxNew}</option>
                    {tracks.tracks.map((tr) => (
                      <option key={tr.id} value={tr.id}>
                        {faceName(tr.id)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="pp-redaction__numbers">
                  {(['from', 'to', 'x', 'y', 'w', 'h'] as const).map((k) => (
                    <TextField
                      key={k}
                      id={`box-${k}`}
                      label={r[k]}
                      value={form[k]}
                      onChange={(v) => setForm({ ...form, [k]: v })}
                      required
                    />
                  ))}
                </div>
                {formError ? <Paragraph role="alert">{formError}</Paragraph> : null}
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={putBox}>
                    {r.addBox}
                  </Button>
                </ButtonGroup>
              </fieldset>

              <Heading2 id="edits-title">{r.edits}</Heading2>
              {review.edits.length === 0 ? (
                <Paragraph>{r.editsNone}</Paragraph>
              ) : (
                <ul aria-labelledby="edits-title">
                  {review.edits.map((e, i) => (
                    <li key={i}>
                      {editText(e)}{' '}
                      <Button
                        appearance="subtle-button"
                        aria-label={r.removeEditLabel(editText(e))}
                        onClick={() => change({ ...review, edits: review.edits.filter((_, j) => j !== i) })}
                      >
                        {r.removeEdit}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              {dirty ? <Paragraph>{r.unsaved}</Paragraph> : null}
              {saved ? <Paragraph role="status">{r.saved}</Paragraph> : null}
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  disabled={running(job ?? null)}
                  onClick={() => void saveReview()}
                >
                  {r.save}
                </Button>
              </ButtonGroup>

              <Heading2>{r.renderTitle}</Heading2>
              <Paragraph>{r.renderIntro}</Paragraph>
              {job?.review === null ? <Paragraph>{r.renderNeedsReview}</Paragraph> : null}
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  disabled={running(job ?? null)}
                  onClick={() =>
                    void (async () => {
                      if (dirty && !(await saveReview())) return;
                      await act(() => api.post(`${base}/render`));
                    })()
                  }
                >
                  {r.render}
                </Button>
              </ButtonGroup>
            </section>
          ) : null}
        </>
      )}
      <CopySection
        job={job}
        base={base}
        t={t}
        lang={lang}
        onChange={() => void act(() => api.del(`${base}/copy`))}
      />
    </>
  );
};

const CopySection = ({
  job,
  base,
  t,
  lang,
  onChange,
}: {
  job: RedactionJob | null;
  base: string;
  t: Dictionary;
  lang: string;
  onChange: () => void;
}) => {
  const r = t.redaction;
  if (!job?.copy && !job?.copyDeleted) return null;
  return (
    <section aria-labelledby="copy-title">
      <Heading2 id="copy-title">{r.resultTitle}</Heading2>
      {job.copy ? (
        <>
          <Paragraph>{r.resultFacts(job.frames ?? 0, job.pixelatedBoxes ?? 0)}</Paragraph>
          <Paragraph>{r.keptUntil(amsterdam(lang, job.copy.expiresAt))}</Paragraph>
          {job.copy.downloadedAt ? (
            <Paragraph>{r.downloaded(amsterdam(lang, job.copy.downloadedAt))}</Paragraph>
          ) : null}
          <ButtonGroup>
            <a className="utrecht-button utrecht-button--primary-action" href={`${base}/copy`} download>
              {r.download}
            </a>
            <Button appearance="secondary-action-button" onClick={onChange}>
              {r.deleteCopy}
            </Button>
          </ButtonGroup>
        </>
      ) : job.copyDeleted ? (
        <>
          <Paragraph>
            {r.copyDeleted(r.deleteReasons[job.copyDeleted.reason] ?? job.copyDeleted.reason)}
          </Paragraph>
          {job.copyDeleted.reason === 'restart' ? <Paragraph>{r.copyRestart}</Paragraph> : null}
        </>
      ) : null}
    </section>
  );
};
