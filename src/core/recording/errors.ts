/** Error codes of recording, media and the vault (merged into src/core/errors.ts). */
import { conflict, invalid, unprocessable, type ErrorTable } from '../error-kinds.js';

export const RECORDING_ERRORS = {
  'RECORDING.FFMPEG_MISSING': {
    status: 503,
    exit: 69,
    title: 'ffmpeg was not found; recording is unavailable',
  },
  'RECORDING.FFMPEG_FAILED': { status: 502, exit: 70, title: 'ffmpeg failed unexpectedly' },
  'RECORDING.INVALID_SOURCE': invalid('The camera address is not valid'),
  'RECORDING.CAMERA_UNREACHABLE': { status: 502, exit: 69, title: 'The camera cannot be reached' },
  'RECORDING.CAMERA_UNAUTHORISED': {
    status: 502,
    exit: 77,
    title: 'The camera refused the username or password',
  },
  'RECORDING.BAD_STREAM': {
    status: 502,
    exit: 65,
    title: 'The camera does not send a usable H.264 video stream',
  },
  'RECORDING.STALLED': { status: 504, exit: 75, title: 'The camera stopped sending video' },
  'RECORDING.PARSE_ERROR': { status: 502, exit: 65, title: 'The video stream could not be parsed' },
  'RECORDING.PROBE_FAILED': unprocessable('The media file could not be probed'),
  'RECORDING.NO_CONVERSATION': conflict('No conversation is running in this room'),
  'RECORDING.ALREADY_SUSPENDED': conflict('Recording is already suspended for this scope'),
  'RECORDING.NOT_SUSPENDED': conflict('This suspension has already been lifted'),
  'RECORDING.CLIP_UNAVAILABLE': conflict('The clip is not sealed (still recording, failed or deleted)'),
} as const satisfies ErrorTable;
