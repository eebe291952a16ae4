/**
 * Pure validation of registry input beyond its JSON shape (the HTTP schema checks types and
 * lengths; these check meaning). Each returns a Result whose error names the field.
 */
import { fieldRule, type FieldRule } from '../field-rules.js';
import { err, ok, type Result } from '../result.js';
import { isRole, type Role } from '../auth/roles.js';

// Letters, digits, spaces and a little punctuation: enough for "Spreekkamer 2 (begane grond)",
// not enough for markup, SQL fragments or paths.
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .,'()&+\-–]*$/u;
/** The marks NAME allows besides letters, digits and spaces, as people read them. */
const NAME_MARKS = ". , ' ( ) & + -";
const CODE = /^[a-z0-9][a-z0-9-]{0,47}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const validName = (field: string, value: string, max = 100): Result<string> => {
  const v = value.trim();
  if (v.length === 0) return err('REQUEST.INVALID', `${field} is required`, fieldRule(field, 'required'));
  if (v.length > max)
    return err(
      'REQUEST.INVALID',
      `${field} is longer than ${max} characters`,
      fieldRule(field, 'max-length', { max }),
    );
  if (!NAME.test(v)) {
    return err(
      'REQUEST.INVALID',
      `${field} may contain only letters, digits, spaces and ${NAME_MARKS}`,
      fieldRule(field, 'name-characters', { characters: NAME_MARKS }),
    );
  }
  return ok(v);
};

/** Free text (addresses, descriptions): any printable text, no control characters. */
export const validText = (field: string, value: string, max: number, required = false): Result<string> => {
  const v = value.trim();
  if (required && v.length === 0) return err('REQUEST.INVALID', `${field} is required`, { field });
  if (v.length > max) return err('REQUEST.INVALID', `${field} is longer than ${max} characters`, { field });
  if (CONTROL.test(v)) return err('REQUEST.INVALID', `${field} contains control characters`, { field });
  return ok(v);
};

export const validCode = (field: string, value: string): Result<string> =>
  CODE.test(value)
    ? ok(value)
    : err('REQUEST.INVALID', `${field} must be lower-case letters, digits and hyphens (at most 48)`, {
        field,
      });

export const validUsername = (value: string): Result<string> =>
  USERNAME.test(value)
    ? ok(value)
    : err(
        'REQUEST.INVALID',
        'username must be 2–64 lower-case letters, digits, dots, hyphens or underscores',
        {
          field: 'username',
        },
      );

export const validEmail = (value: string): Result<string> => {
  const v = value.trim();
  if (v === '') return ok('');
  return v.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v)
    ? ok(v)
    : err('REQUEST.INVALID', 'email is not an e-mail address', { field: 'email' });
};

export const validRoles = (values: readonly string[]): Result<Role[]> => {
  const unknown = values.filter((r) => !isRole(r));
  if (unknown.length > 0)
    return err('REQUEST.INVALID', `unknown role(s): ${unknown.join(', ')}`, { field: 'roles' });
  if (values.length === 0)
    return err('REQUEST.INVALID', 'a user needs at least one role', { field: 'roles' });
  return ok([...new Set(values)] as Role[]);
};

export interface ParsedCameraUrl {
  readonly url: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
}

/** Percent-decoding that answers null on a malformed escape instead of throwing URIError. */
export const decodeUrlPart = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/**
 * Camera stream URLs: RTSP (or HTTP(S) for cameras that serve streams that way). Credentials in
 * the URL are split off so the stored URL never carries them.
 */
export const parseCameraUrl = (value: string): Result<ParsedCameraUrl> => {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return err('REQUEST.INVALID', 'url is not a URL', { field: 'url' });
  }
  if (!['rtsp:', 'rtsps:', 'http:', 'https:'].includes(u.protocol)) {
    return err('REQUEST.INVALID', 'url must be an rtsp://, rtsps://, http:// or https:// address', {
      field: 'url',
    });
  }
  if (!u.hostname) return err('REQUEST.INVALID', 'url has no host', { field: 'url' });
  // WHATWG URL keeps a broken escape such as %ZZ as it is; decoding it would throw.
  const username = u.username ? decodeUrlPart(u.username) : undefined;
  const password = u.password ? decodeUrlPart(u.password) : undefined;
  if (username === null || password === null)
    return err('REQUEST.INVALID', 'url has a broken percent-escape (%XX) in its user name or password', {
      field: 'url',
    });
  u.username = '';
  u.password = '';
  return ok({ url: u.toString(), username, password });
};

/**
 * The password policy (NCSC/NIST style: length over composition). The one definition: the server
 * checks it and GET /api/auth/password-policy hands it to the screens, which show it before anyone types.
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 256, minDistinct: 5 } as const;
export type PasswordPolicy = typeof PASSWORD_POLICY;

/** A rule a password breaks; the refusal's details name it (with its number) for the screen to word. */
export type PasswordRule = Extract<
  FieldRule,
  'min-length' | 'max-length' | 'contains-username' | 'too-repetitive'
>;

/** Every rule this password breaks, in the policy's order (empty: it is fine). */
export const passwordProblems = (
  value: string,
  username: string,
  policy: PasswordPolicy = PASSWORD_POLICY,
): PasswordRule[] => {
  const out: PasswordRule[] = [];
  if (value.length < policy.minLength) out.push('min-length');
  if (value.length > policy.maxLength) out.push('max-length');
  if (username !== '' && value.toLowerCase().includes(username.toLowerCase())) out.push('contains-username');
  if (new Set(value).size < policy.minDistinct) out.push('too-repetitive');
  return out;
};

/** The numbers each rule names, for the field error's params (the policy itself rides along too). */
const PASSWORD_PARAMS: Record<PasswordRule, Readonly<Record<string, number>> | undefined> = {
  'min-length': { min: PASSWORD_POLICY.minLength },
  'max-length': { max: PASSWORD_POLICY.maxLength },
  'contains-username': undefined,
  'too-repetitive': { min: PASSWORD_POLICY.minDistinct },
};

const PASSWORD_TEXT: Record<PasswordRule, string> = {
  'min-length': `password must be at least ${PASSWORD_POLICY.minLength} characters`,
  'max-length': `password must be at most ${PASSWORD_POLICY.maxLength} characters`,
  'contains-username': 'password must not contain the username',
  'too-repetitive': 'password is too repetitive',
};

/** `field` names the request's field the error belongs to (newPassword on the own-password form). */
export const validPassword = (value: string, username: string, field = 'password'): Result<string> => {
  const rule = passwordProblems(value, username)[0];
  if (rule !== undefined)
    return err('AUTH.WEAK_PASSWORD', PASSWORD_TEXT[rule], {
      ...PASSWORD_POLICY,
      ...fieldRule(field, rule, PASSWORD_PARAMS[rule]),
    });
  return ok(value);
};
