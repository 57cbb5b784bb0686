import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { after, before } from 'node:test';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO_ROOT, 'bin/origo.js');

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

export function tempDir(prefix = 'origo-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and waits for the process to exit. */
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts `origo <command>` as a real process and waits until it answers /health (or, for workers,
 * until it runs). A port chosen here can be taken by another process before the server binds it
 * (test files run two at a time): the start is then tried again on another port.
 */
export async function startProcess(env: Record<string, string>, command = 'serve', waitForHealth = true): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, command, waitForHealth);
    } catch (err) {
      if (env.PORT || attempt === 3 || !(err instanceof Error && /EADDRINUSE/.test(err.message))) throw err;
    }
  }
}

async function startOnce(env: Record<string, string>, command: string, waitForHealth: boolean): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [BIN, command], {
    env: { ...process.env, ORIGO_LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  if (waitForHealth) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`origo ${command} exited early (${child.exitCode}):\n${out}`);
      try {
        const r = await fetch(`${url}/health`);
        if (r.ok) break;
      } catch {
        /* not yet listening */
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`origo ${command} did not answer /health in 30 s:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    child,
    output: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `fn` until it returns a value that is not undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * A started server for the tests of one file: on a fresh data folder with an administrator key,
 * started before the file's tests, stopped (and its folder removed) after them.
 */
export function serverForTests(key: string, env: Record<string, string> = {}): { readonly url: string; readonly api: ReturnType<typeof apiClient> } {
  const dir = tempDir();
  let server: ServerProcess | undefined;
  let api: ReturnType<typeof apiClient> | undefined;
  before(async () => {
    server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: key, ...env });
    api = apiClient(server.url, key);
  });
  after(async () => {
    await server?.kill('SIGTERM');
    dir.remove();
  });
  const started = () => {
    if (!server || !api) throw new Error('the server is started before the tests run');
    return { server, api };
  };
  return {
    get url() { return started().server.url; },
    get api() { return started().api; },
  };
}

/** A tiny JSON client for the native API. */
export function apiClient(base: string, key: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  };
  return {
    get: (p: string) => call('GET', p),
    post: (p: string, b?: unknown) => call('POST', p, b ?? {}),
    patch: (p: string, b: unknown) => call('PATCH', p, b),
    del: (p: string) => call('DELETE', p),
  };
}
