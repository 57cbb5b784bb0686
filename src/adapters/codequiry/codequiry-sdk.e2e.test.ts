/**
 * The "done when": the official Node SDK (npm `codequiry@1.0.4`) drives a started Origo.
 *
 * The SDK hard-codes `https://codequiry.com/api/v1/`, so Origo serves the Codequiry API at the root
 * of a second port (ORIGO_COMPAT_ROOT_CODEQUIRY_PORT) and the SDK's own HTTP clients are told to
 * use that port as their (plain HTTP) proxy: axios 0.19 through `axios.defaults.proxy`, `request`
 * through its `proxy` + `tunnel: false` options. Requests then arrive exactly as the SDK builds
 * them, in absolute form (`POST https://codequiry.com/api/v1/check/create`), as section 0 of the
 * client notes requires Origo to accept.
 *
 *   Java check:   alice (Inventory) ─ bob (the same program, identifiers renamed)   ← copied pair
 *                 carol (primes), dave (matrices)                                    ← independent
 *   Python check: erin (grades) ─ frank (renamed copy), grace (BFS)  — uploaded as one batch
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startProcess, tempDir, type ServerProcess } from '../../testing/server-process.js';
import { JAVA_INDEPENDENT, JAVA_INDEPENDENT_2, JAVA_ORIGINAL, JAVA_RENAMED, PYTHON_INDEPENDENT, PYTHON_ORIGINAL, PYTHON_RENAMED, zipOf } from './testing/programs.js';

const require = createRequire(import.meta.url);
const sdkRequire = createRequire(require.resolve('codequiry'));

type Cb = (data: any, err?: unknown) => void;
interface CodequirySdk {
  setAPIKey(key: string): void;
  account(cb: Cb): void;
  checks(cb: Cb): void;
  createCheck(name: string, lang: string, cb: Cb): void;
  uploadFile(checkId: number, path: string, cb: Cb): void;
  startCheck(checkId: number, db: boolean, web: boolean, cb: Cb): void;
  getCheck(checkId: number, cb: Cb): void;
  getOverview(checkId: number, cb: Cb): void;
  getResults(checkId: number, submissionId: number, cb: Cb): void;
}

/** Calls an SDK function and settles on its (data, err) callback. */
function sdkCall<T = any>(fn: (cb: Cb) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((data, err) => (err !== undefined && err !== null ? reject(new Error(`SDK error: ${JSON.stringify(err)}`)) : resolve(data as T))));
}

const KEY = 'codequiry-sdk-e2e-key-0123456789';
const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

async function waitCompleted(sdk: CodequirySdk, checkId: number): Promise<any> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const got = await sdkCall((cb) => sdk.getCheck(checkId, cb));
    if (got.status === 'Checks completed') return got;
    if (Date.now() > deadline) throw new Error(`check ${checkId} did not complete: ${JSON.stringify(got)}\n${(server?.output() ?? "").split("\n").filter((l) => !l.includes("request")).join("\n").slice(-6000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Pair score from the overview: the larger of the two directions, 0 when the pair shares nothing. */
function pairScore(overview: any, a: number, b: number): number {
  const scores = overview.submissions.flatMap((s: any) =>
    s.submissionresults.filter((r: any) => (r.submission_id === a && r.submission_id_compared === b) || (r.submission_id === b && r.submission_id_compared === a)).map((r: any) => r.score),
  );
  return Math.max(0, ...scores);
}

test('the official Node SDK runs a whole check against Origo; copied pairs rank above independent ones', { timeout: 180_000 }, async () => {
  const rootPort = await freePort();
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_COMPAT_ROOT_CODEQUIRY_PORT: String(rootPort) });
  const proxy = { protocol: 'http:', host: '127.0.0.1', port: rootPort };
  const axios = sdkRequire('axios');
  axios.defaults.proxy = proxy;
  const request = sdkRequire('request');
  const post = request.post;
  request.post = (opts: Record<string, unknown>, cb: unknown) => post({ ...opts, proxy: `http://127.0.0.1:${rootPort}`, tunnel: false }, cb);
  const sdk = require('codequiry') as CodequirySdk;

  try {
    sdk.setAPIKey('not-a-key-not-a-key-not-a-key');
    await assert.rejects(sdkCall((cb) => sdk.account(cb)), /Invalid API key/);
    sdk.setAPIKey(KEY);
    const account = await sdkCall((cb) => sdk.account(cb));
    assert.equal(typeof account.user, 'string');
    assert.equal(typeof account.submissions, 'number');

    // Java: four submissions uploaded one by one with the SDK (multipart through `request`).
    const java = await sdkCall((cb) => sdk.createCheck('Lab 4: inventory (Java)', '13', cb));
    assert.equal(typeof java.id, 'number');
    assert.equal(java.status_id, 1);
    const javaIds: Record<string, number> = {};
    for (const [student, files] of [
      ['alice', { 'Inventory.java': JAVA_ORIGINAL }],
      ['bob', { 'src/Stock.java': JAVA_RENAMED }],
      ['carol', { 'Primes.java': JAVA_INDEPENDENT }],
      ['dave', { 'Matrix.java': JAVA_INDEPENDENT_2 }],
    ] as const) {
      const path = join(dir.path, `${student}.zip`);
      writeFileSync(path, zipOf(files));
      const up = await sdkCall((cb) => sdk.uploadFile(java.id, path, cb));
      assert.equal(up.data[0].filename, student);
      javaIds[student] = up.data[0].id;
    }
    assert.ok((await sdkCall<any[]>((cb) => sdk.checks(cb))).some((c) => c.id === java.id));

    // Python: one batch upload (the SDK has no batch call; the documented fetch example does it).
    const py = await sdkCall((cb) => sdk.createCheck('Lab 5: grades (Python)', '14', cb));
    const form = new FormData();
    form.append('check_id', String(py.id));
    for (const [student, text] of [['erin', PYTHON_ORIGINAL], ['frank', PYTHON_RENAMED], ['grace', PYTHON_INDEPENDENT]]) {
      form.append('files[]', new Blob([zipOf({ 'grades.py': text })], { type: 'application/zip' }), `${student}.zip`);
    }
    const batch: any = await (await fetch(`http://127.0.0.1:${rootPort}/api/v1/check/upload-batch`, { method: 'POST', headers: { apikey: KEY }, body: form })).json();
    assert.equal(batch.uploaded_count, 3);
    const pyIds = Object.fromEntries(batch.uploaded.map((u: any) => [u.filename, u.id])) as Record<string, number>;

    // Held until started: nothing has a result yet.
    const held = await sdkCall((cb) => sdk.getCheck(java.id, cb));
    assert.ok(held.submissions.every((s: any) => s.status_id === 2 && s.total_result === null));

    const started = await sdkCall((cb) => sdk.startCheck(java.id, false, false, cb));
    assert.equal(started.check.id, java.id);
    assert.equal(started.submission_count, 4);
    await sdkCall((cb) => sdk.startCheck(py.id, true, false, cb));

    await waitCompleted(sdk, java.id);
    const pyDone = await waitCompleted(sdk, py.id);
    assert.equal(pyDone.submission_count, 3);

    const ov = await sdkCall((cb) => sdk.getOverview(java.id, cb));
    assert.match(ov.overviewURL, /\/app\/#\/assignments\/asg_/);
    // Once seen with 3 (not reproduced in 10 runs since): say which submission had no result.
    assert.equal(ov.bardata.length, 4, `bardata ${JSON.stringify(ov.bardata)}; submissions ${JSON.stringify(ov.submissions.map((s: any) => [s.id, s.status_id, s.total_result]))}`);
    const copied = pairScore(ov, javaIds.alice, javaIds.bob);
    const independent = [pairScore(ov, javaIds.alice, javaIds.carol), pairScore(ov, javaIds.alice, javaIds.dave), pairScore(ov, javaIds.bob, javaIds.carol), pairScore(ov, javaIds.carol, javaIds.dave)];
    assert.ok(copied > 50, `Java copied pair scores ${copied}`);
    assert.ok(independent.every((s) => s < copied), `Java copied ${copied} vs independent ${independent}`);

    const pyOv = await sdkCall((cb) => sdk.getOverview(py.id, cb));
    const pyCopied = pairScore(pyOv, pyIds.erin, pyIds.frank);
    const pyIndependent = [pairScore(pyOv, pyIds.erin, pyIds.grace), pairScore(pyOv, pyIds.frank, pyIds.grace)];
    assert.ok(pyCopied > 50, `Python copied pair scores ${pyCopied}`);
    assert.ok(pyIndependent.every((s) => s < pyCopied), `Python copied ${pyCopied} vs independent ${pyIndependent}`);

    const res = await sdkCall((cb) => sdk.getResults(java.id, javaIds.alice, cb));
    const toBob = res.peer_matches.filter((m: any) => m.submission_id_matched === javaIds.bob);
    assert.ok(toBob.length > 0);
    assert.ok(toBob.every((m: any) => m.file === 'Inventory.java' && m.file_matched === 'src/Stock.java'));
    assert.ok(toBob.every((m: any) => m.line_start <= m.line_end && m.line_matched_start <= m.line_matched_end));
    assert.ok(toBob.some((m: any) => m.line_end - m.line_start >= 10), 'a long run of lines matches');
    assert.ok(!res.peer_matches.some((m: any) => m.submission_id_matched === javaIds.dave && Number(m.similarity) >= Number(toBob[0].similarity)));
  } finally {
    request.post = post;
    delete axios.defaults.proxy;
  }
});
