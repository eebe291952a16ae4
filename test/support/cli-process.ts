/** The `proportio` command in a child process, as a user runs it: its exit code and output. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export const runCliProcess = async (args: string[], env: Record<string, string> = {}) => {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
      cwd: root,
      env: { ...process.env, PROPORTIO_LOG_LEVEL: 'silent', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};
