/**
 * Schemas of redaction jobs (issue 12 §2): the DPO's review as the API takes it, a job as it
 * answers. The review's meaning (known tracks, spans inside the clip) is checked by the service
 * (core/redaction/job.ts checkReview); here only its shape and bounds.
 */
import { Type, type Static } from 'typebox';
import type { RedactionJobView } from '../../../services/redaction.service.js';
import { Id, Nullable, everyFieldOf, strict } from '../../schemas.js';

export const JobParams = Type.Object({ id: Id, clipId: Id }, strict);

const Seconds = Type.Number({ minimum: 0, maximum: 86_400 });
const Px = Type.Number({ minimum: -100_000, maximum: 100_000 });
const Size = Type.Number({ exclusiveMinimum: 0, maximum: 100_000 });
const BoxSchema = Type.Object({ x: Px, y: Px, w: Size, h: Size }, strict);
const TrackId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });

const EditSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('add'),
      from: Seconds,
      to: Seconds,
      box: BoxSchema,
      toBox: Type.Optional(BoxSchema),
    },
    strict,
  ),
  Type.Object(
    {
      kind: Type.Literal('remove'),
      trackId: TrackId,
      from: Type.Optional(Seconds),
      to: Type.Optional(Seconds),
    },
    strict,
  ),
  Type.Object(
    { kind: Type.Literal('resize'), trackId: TrackId, from: Seconds, to: Seconds, box: BoxSchema },
    strict,
  ),
]);

export const ReviewBody = Type.Object(
  {
    keepTrackIds: Type.Array(TrackId, { maxItems: 200 }),
    consentedTrackIds: Type.Array(TrackId, { maxItems: 200 }),
    edits: Type.Array(EditSchema, { maxItems: 500 }),
  },
  strict,
);
export type ReviewBody = Static<typeof ReviewBody>;

const KeyframeSchema = Type.Object({
  t: Type.Number(),
  x: Type.Number(),
  y: Type.Number(),
  w: Type.Number(),
  h: Type.Number(),
  score: Type.Number(),
});
const TracksSchema = Type.Object({
  width: Type.Number(),
  height: Type.Number(),
  fps: Type.Number(),
  frameCount: Type.Number(),
  samplesPerSecond: Type.Number(),
  detector: Type.String(),
  tracks: Type.Array(
    Type.Object({
      id: Type.String(),
      start: Type.Number(),
      end: Type.Number(),
      keyframes: Type.Array(KeyframeSchema),
    }),
  ),
});
const ReviewSchema = Type.Object({
  keepTrackIds: Type.Optional(Type.Array(Type.String())),
  consentedTrackIds: Type.Optional(Type.Array(Type.String())),
  edits: Type.Optional(Type.Array(EditSchema)),
});

export const RedactionJobSchema = everyFieldOf<RedactionJobView>()(
  Type.Object({
    id: Type.String(),
    requestId: Type.String(),
    clipId: Type.String(),
    state: Type.Union([
      Type.Literal('detecting'),
      Type.Literal('detected'),
      Type.Literal('rendering'),
      Type.Literal('rendered'),
      Type.Literal('failed'),
    ]),
    progress: Nullable(Type.Number()),
    tracks: Nullable(TracksSchema),
    review: Nullable(ReviewSchema),
    error: Nullable(Type.Object({ code: Nullable(Type.String()), message: Type.String() })),
    frames: Nullable(Type.Number()),
    pixelatedBoxes: Nullable(Type.Number()),
    copy: Nullable(
      Type.Object({
        bytes: Type.Number(),
        sha256: Type.String(),
        expiresAt: Type.String(),
        downloadedAt: Nullable(Type.String()),
      }),
    ),
    copyDeleted: Nullable(Type.Object({ at: Type.String(), reason: Type.String() })),
    grant: Nullable(Type.Object({ expiresAt: Type.String(), viewingRequestId: Type.String() })),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
);
export type RedactionJobBody = Static<typeof RedactionJobSchema>;
