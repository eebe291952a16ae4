/**
 * What every CLI command gets: where to write, and how to fail. Commands never call
 * process.exit; they throw CliError with an exit code (documented in docs/cli.md) or return.
 */
import { ERRORS, type ErrorCode } from '../core/errors.js';
import type { DomainError } from '../core/result.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Exit codes (sysexits-style), listed in docs/cli.md. */
export const EXIT = {
  OK: 0,
  /** A check ran and found a problem (audit chain broken, assessment verdict "not permitted" with --fail-on). */
  CHECK_FAILED: 1,
  USAGE: 64,
  DATA_ERR: 65,
  NO_INPUT: 66,
  UNAVAILABLE: 69,
  SOFTWARE: 70,
  CANT_CREATE: 73,
  TEMP_FAIL: 75,
  NO_PERM: 77,
  CONFIG: 78,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code?: ErrorCode,
  ) {
    super(message);
    this.name = 'CliError';
  }

  static fromDomain(e: DomainError): CliError {
    return new CliError(`${e.code}: ${e.message}`, ERRORS[e.code].exit, e.code);
  }
}

/** Print a value as JSON (--json) or as text lines. */
export const emit = (io: CliIo, json: boolean, value: unknown, text: () => string): void => {
  io.out(json ? JSON.stringify(value, null, 2) : text());
};

/** A simple fixed-width table for listings. */
export const table = (
  rows: ReadonlyArray<Record<string, string | number | boolean | null>>,
  columns: readonly string[],
): string => {
  if (rows.length === 0) return '(none)';
  const cell = (v: string | number | boolean | null | undefined) =>
    v === null || v === undefined ? '' : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.toUpperCase())),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join('\n');
};
