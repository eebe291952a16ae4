/**
 * The outside programs the tests run, with the Debian package that brings each. `.ci/run`
 * installs every package named here and the README's "What the tests need" names them; a test in
 * test/integration/docs.test.ts keeps the three in step.
 *
 * On CI a missing program fails the suite (no silent skips there); on a developer's machine the
 * suite that needs it is skipped with a loud message, like the browser and PostgreSQL suites.
 */
import fs from 'node:fs';
import path from 'node:path';

export const OUTSIDE_TOOLS = {
  chromium: 'chromium',
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffmpeg',
  age: 'age',
  'age-keygen': 'age',
  // A terminal for age's passphrase prompt (age reads passphrases from /dev/tty only).
  script: 'bsdutils',
  mosquitto: 'mosquitto',
  // Makes the broker's password file for deploy/ (test/integration/deploy-mosquitto.test.ts).
  mosquitto_passwd: 'mosquitto',
  mosquitto_pub: 'mosquitto-clients',
  mosquitto_sub: 'mosquitto-clients',
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  'gst-rtsp-server (python3-gi)': 'gir1.2-gst-rtsp-server-1.0',
  // Test material with real faces for the redaction tests (test/support/face-clips.ts): files, not programs.
  'astronaut.png, camera.png (photographs)': 'python3-skimage',
  'vtest.avi (pedestrians)': 'opencv-doc',
} as const;

export type OutsideTool = keyof typeof OUTSIDE_TOOLS;

/** Where a program is on PATH, or undefined. */
export const findOnPath = (name: string, searchPath = process.env.PATH ?? ''): string | undefined => {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
};

const warned = new Set<string>();

/** A suite's outside need is missing: on CI that fails (throws), elsewhere it warns once and skips. */
const skipOrFail = (what: string, message: string): false => {
  if (process.env.CI) throw new Error(`${message}. On CI the ${what} tests are mandatory.`);
  if (!warned.has(message)) {
    warned.add(message);
    console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING ${what} TESTS — ${message}\n${'!'.repeat(78)}\n`);
  }
  return false;
};

/**
 * True when every named program is on PATH. On CI a missing one throws (the suite fails);
 * elsewhere a loud warning names the Debian package and the suite is skipped.
 */
export const toolsAvailable = (what: string, ...names: Exclude<OutsideTool, `${string} ${string}`>[]) => {
  const missing = names.filter((n) => findOnPath(n) === undefined);
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.map((n) => OUTSIDE_TOOLS[n]))].join(' ');
  return skipOrFail(what, `${missing.join(', ')} not found on PATH: apt-get install ${packages}`);
};

/**
 * True when every test file a Debian package ships (file → package) is there; like
 * toolsAvailable, a missing one fails on CI and skips the suite loudly elsewhere.
 */
export const testMaterialAvailable = (what: string, files: Readonly<Record<string, string>>): boolean => {
  const missing = Object.entries(files).filter(([file]) => !fs.existsSync(file));
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.map(([, p]) => p))].join(' ');
  return skipOrFail(what, `${missing.map(([f]) => f).join(', ')} missing: apt-get install ${packages}`);
};
