import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const found = new Map<string, Promise<string | null>>();

/** Finds an executable on the PATH (or at the path in `envOverride`), once per process. */
export function findProgram(name: string, envOverride?: string): Promise<string | null> {
  const key = `${name}:${envOverride ?? ''}`;
  let cached = found.get(key);
  if (!cached) {
    cached = (async () => {
      const override = envOverride ? process.env[envOverride] : undefined;
      const candidates = override ? [override] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name));
      for (const candidate of candidates) {
        try {
          await access(candidate, constants.X_OK);
          return candidate;
        } catch {
          // not here
        }
      }
      return null;
    })();
    found.set(key, cached);
  }
  return cached;
}

type ConverterListener = (event: { started?: number; ended?: number }) => void;
let converterListener: ConverterListener | undefined;

/**
 * Lets the isolated extraction's child process or worker tell its parent which converter process
 * groups are running, so the parent can kill them with the child (they live in groups of their own).
 */
export function onConverterProcess(listener: ConverterListener): void {
  converterListener = listener;
}

export interface ProgramResult {
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

/**
 * Runs a converter in its own process group without a shell; after `timeoutMs` the whole group
 * (soffice starts soffice.bin) is killed. When coreutils' `timeout` is on the PATH it wraps the
 * command as well, so the converter dies on time even if this process (or the worker or child
 * process running the extraction) is killed first.
 */
export async function runProgram(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<ProgramResult> {
  const guard = await findProgram('timeout');
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000) + 1);
  const [file, argv] = guard ? [guard, ['-s', 'KILL', `${seconds}s`, command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const child = spawn(file, argv, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    let timedOut = false;
    if (child.pid) converterListener?.({ started: child.pid });
    child.once('close', () => { if (child.pid) converterListener?.({ ended: child.pid }); });
    child.stderr?.on('data', (d: Buffer) => { if (stderr.length < 4000) stderr += d.toString(); });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); resolve({ code: -1, timedOut, stderr: err.message }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, timedOut, stderr }); });
  });
}
