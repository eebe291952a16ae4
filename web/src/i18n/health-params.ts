/** A health item's `params` (GET /api/health; docs/operations.md), dates already formatted. */
export type HealthParams = Readonly<Record<string, string | number>>;

/** One parameter as text; both languages' health sentences read them alike. */
export const p$ = (p: HealthParams, key: string): string => String(p[key] ?? '');
/** "Camera 1 (Spreekkamer 2)", or the camera's name alone when the room is unknown. */
export const cam$ = (p: HealthParams): string =>
  p.roomName ? `${p$(p, 'cameraName')} (${p$(p, 'roomName')})` : p$(p, 'cameraName');
