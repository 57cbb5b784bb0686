/**
 * The Moodle plugin's whole PlagScan workflow through a started server, with a local callback
 * receiver standing in for Moodle's callback.php:
 *
 *   PUT /checkcallback ──► callback.php?checkCallback=1
 *   teacher (POST /users) ── submission (POST /submissions, checkOnUpload 0)
 *        ├── A essay.txt   own text + P + own text  ─┐ share passage P
 *        ├── B essay.html  own text + P + own text  ─┘
 *        ├── C arctic.txt  unrelated
 *        └── D broken.pdf  no text → conversion callback mode 254, words 0
 *   conversion callbacks ?docID=…&status=0&mode=0&words=N; PUT /documents/{id}/check → 204
 *   check callbacks ?<docID> → retrieve mode 0: plagLevel(A), plagLevel(B) > plagLevel(C) = 0
 *   modes 1, 2, 5, highlight, source; DOCX (3), HTML (4, 6, 8), PDF (9), viewer links (7, 10); DELETE → "deleted"
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { startCallbackReceiver, type ReceivedCall } from '../../testing/callback-receiver.js';
import { moodleClient } from '../../testing/plagscan-clients.js';
import { MESSAGES } from './wire-errors.js';

const KEY = 'plagscan-workflow-admin-key-0123456789';
const P =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, ' +
  'especially its effect on wages, on working hours and on the living standards of families who moved from the countryside into the growing mill towns.';
const A = `Alice opens her essay with her own view of the period and the sources she read for this course. ${P} She closes by comparing it with the digital economy of her own generation.`;
const B_TEXT = `Bob begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${P} His conclusion is that progress always has a price someone else pays.`;
const B_HTML = `<!DOCTYPE html><html><head><title>Bob</title></head><body><p>${B_TEXT}</p></body></html>`;
const C = 'Arctic terns migrate from pole to pole every year, covering more distance than any other bird, and they rest on the open ocean for weeks at a time without touching land.';

const dir = tempDir();
let server: ServerProcess;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
let orgId: string;

before(async () => {
  receiver = await startCallbackReceiver();
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1', ORIGO_WEBHOOK_BACKOFF_MS: '50', ORIGO_LOG_LEVEL: 'warn' });
  const admin = apiClient(server.url, KEY);
  orgId = (await admin.get('/api/v1/me')).body.organisation_id;
  const set = await admin.patch(`/api/v1/organisations/${orgId}`, { settings: { plagscan_callback_url: `${receiver.url}/plagiarism/plagscan/callback.php` } });
  assert.equal(set.status, 200);
});
after(async () => {
  await server?.kill('SIGTERM');
  await receiver?.close();
  dir.remove();
});

const callbacks = (pred: (c: ReceivedCall) => boolean) => receiver.calls.filter((c) => c.method === 'GET' && c.url.startsWith('/plagiarism/plagscan/callback.php') && pred(c));
const query = (c: ReceivedCall) => Object.fromEntries(new URLSearchParams(c.query));

test('Moodle workflow: submission, uploads, callbacks, checks, scores, reports, deletion', { timeout: 180_000 }, async () => {
  const moodle = moodleClient(`${server.url}/plagscan/v3`, orgId, KEY);

  // Settings page: "test the callback".
  const cc = await moodle.withToken('/checkcallback', 'PUT');
  assert.equal(cc.status, 204);
  await waitFor('the checkCallback=1 call', async () => (callbacks((c) => c.query === 'checkCallback=1').length ? true : undefined), 20_000, 50);

  // The teacher, then the assignment's submission.
  const teacher = await moodle.withToken('/users', 'POST', { email: 'grace@example.edu', username: 'grace@example.edu', firstname: 'Grace', lastname: 'Hopper' });
  const ownerID = teacher.body.data.userID;
  const sub = await moodle.withToken('/submissions', 'POST', {
    ownerID, title: 'Industrial revolution essay', endTime: '', maxUploads: '100', share: 1, checkDeadline: 0, enableResubmission: 1, checkOnUpload: 0, type: 1, excludeSelfMatches: 0, excludeFromRepository: 0,
  });
  assert.equal(sub.status, 201);
  const submissionID = sub.body.data.submissionID;
  assert.equal(typeof submissionID, 'number');
  const notMember = await moodle.withToken('/submissions', 'POST', { ownerID: 987654, title: 'x', endTime: '', maxUploads: '100', share: 1, checkDeadline: 0, enableResubmission: 1, checkOnUpload: 0, type: 1, excludeSelfMatches: 0, excludeFromRepository: 0 });
  assert.ok(notMember.status >= 400);
  assert.equal(notMember.body.error.message, MESSAGES.userNotInInstitution);
  const patched = await moodle.withToken(`/submissions/${submissionID}`, 'PATCH', { ownerID, title: 'Industrial revolution essay (2026)', endTime: '', checkDeadline: 0, enableResubmission: 1, checkOnUpload: 0, excludeSelfMatches: 0, excludeFromRepository: 0 }, null, true);
  assert.equal(patched.status, 200);
  assert.equal(patched.body.data.title, 'Industrial revolution essay (2026)');

  // An assistant is involved in the submission.
  const assistant = (await moodle.withToken('/users', 'POST', { email: 'assistant@example.edu', username: 'assistant@example.edu', firstname: 'Ass', lastname: 'Istant' })).body.data.userID;
  const involvePath = `/submissions/${submissionID}/involve?userID=${assistant}&ownerID=${ownerID}&shareMode=4`;
  assert.equal((await moodle.withToken(involvePath, 'GET')).body.data.involved, false);
  assert.equal((await moodle.withToken(involvePath, 'PUT')).status, 204);
  assert.equal((await moodle.withToken(involvePath, 'GET')).body.data.involved, true);

  // Uploads into the submission, as plagscan_connection::submit_into_submission builds them.
  const upload = (title: string, mimetype: string, content: string | Buffer, sid = submissionID) =>
    moodle.withToken(`/submissions/${sid}`, 'POST', { submissionID: sid, ownerID, submitterID: 0, title, firstname: title, lastname: 'Student', email: `${title.toLowerCase()}@example.edu`, sendResults: '0', toRepository: false }, [{ filename: title, mimetype, content }]);
  const ids: Record<string, number> = {};
  for (const [name, mime, content] of [['A.txt', 'text/plain', A], ['B.html', 'text/html', B_HTML], ['C.txt', 'text/plain', C], ['D.pdf', 'application/pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x07, 0x08])]] as const) {
    const r = await upload(name, mime, content);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(typeof r.body.data.docID, 'number');
    ids[name[0]] = r.body.data.docID;
  }
  const wrongSubmission = await upload('E.txt', 'text/plain', C, 999_999);
  assert.ok(wrongSubmission.status >= 400);
  assert.equal(wrongSubmission.body.error.message, MESSAGES.submissionMissing);

  // Conversion callbacks: status/mode 0 and the word count; 254 and 0 words for the broken file.
  for (const k of ['A', 'B', 'C']) {
    const call = await waitFor(`the conversion callback of ${k}`, async () => callbacks((c) => query(c).docID === String(ids[k]))[0], 30_000, 50);
    const q = query(call);
    assert.equal(q.status, '0');
    assert.equal(q.mode, '0');
    assert.ok(Number(q.words) > 20, `words of ${k}: ${q.words}`);
  }
  const failed = query(await waitFor('the failure callback', async () => callbacks((c) => query(c).docID === String(ids.D))[0], 30_000, 50));
  assert.equal(failed.mode, '254');
  assert.equal(failed.words, '0');
  const failedCheck = await moodle.withToken(`/documents/${ids.D}/check`, 'PUT');
  assert.ok(failedCheck.status >= 400);
  assert.equal(failedCheck.body.error.message, MESSAGES.documentFailed);
  assert.equal((await moodle.withToken(`/documents/${ids.D}/retrieve?mode=0`, 'GET')).body.error.message, MESSAGES.documentFailed);

  // Not started until the check is asked for.
  assert.equal((await moodle.withToken(`/documents/${ids.A}/retrieve?mode=0`, 'GET')).body.error.message, MESSAGES.noReport);
  for (const k of ['A', 'B', 'C']) assert.equal((await moodle.withToken(`/documents/${k === 'A' ? ids.A : ids[k]}/check`, 'PUT')).status, 204);

  // Check callbacks: the bare docID as the query string, as Moodle's callback.php reads it.
  for (const k of ['A', 'B', 'C']) await waitFor(`the check callback of ${k}`, async () => (callbacks((c) => c.query === String(ids[k])).length ? true : undefined), 60_000, 100);
  const level = async (k: string) => {
    const r = await moodle.withToken(`/documents/${ids[k]}/retrieve?mode=0`, 'GET');
    assert.equal(r.status, 200);
    return r.body.data.plagLevel as number;
  };
  // B's first check re-checks A once, so both sides show the shared passage.
  const [la, lb] = await waitFor('A and B to match each other', async () => {
    const [x, y] = [await level('A'), await level('B')];
    return x > 0 && y > 0 ? [x, y] : undefined;
  }, 60_000, 200);
  const lc = await level('C');
  assert.equal(lc, 0, 'the unrelated essay');
  assert.ok(la > lc && lb > lc, `a pair sharing a passage scores higher than an unrelated pair: ${la}, ${lb} vs ${lc}`);
  assert.ok(Number.isInteger(la) && la <= 1000, 'per mille');
  const share = P.length / A.length;
  assert.ok(Math.abs(la - share * 1000) < 120, `plagLevel ${la} ≈ ${Math.round(share * 1000)} (the shared passage's share of A)`);

  // Mode 2 (sources), 1 (links), 5 (matches).
  const sources = (await moodle.withToken(`/documents/${ids.A}/retrieve?mode=2`, 'GET')).body.data.sources;
  assert.equal(sources.length, 1);
  assert.equal(sources[0].sourceDocID, ids.B);
  assert.equal(sources[0].type, 'peer');
  assert.ok(sources[0].plagLevel > 0);
  const links = (await moodle.withToken(`/documents/${ids.A}/retrieve?mode=1`, 'GET')).body.data.links;
  assert.equal(links[0].sourceDocID, ids.B);
  const matches = (await moodle.withToken(`/documents/${ids.A}/retrieve?mode=5`, 'GET')).body.data.matches;
  assert.ok(matches.length >= 1);
  assert.ok(matches[0].text.includes('industrial revolution transformed'), matches[0].text);
  assert.equal(A.slice(matches[0].start, matches[0].start + matches[0].length), matches[0].text);

  // Highlight and source pages.
  const hl = await moodle.withToken(`/documents/${ids.A}/highlight?source=0`, 'GET');
  assert.equal(hl.status, 200);
  assert.match(hl.headers['content-type'], /text\/html/);
  assert.match(hl.text, /<mark class="match">[^<]*industrial revolution transformed/);
  assert.ok(!hl.text.includes('<mark class="match">Alice'), 'own words stay unmarked');
  assert.equal((await moodle.withToken(`/documents/${ids.A}/retrieve/highlight?source=1`, 'GET')).status, 200);
  const src = await moodle.withToken(`/documents/${ids.A}/source?source=1`, 'GET');
  assert.match(src.text, /Bob begins with a story/);
  assert.match(src.text, /<mark class="match">[^<]*industrial revolution transformed/);

  // Rendered reports (Origo's renderers) and links into Origo's viewer.
  const docx = await moodle.withToken(`/documents/${ids.A}/retrieve?mode=3`, 'GET');
  assert.equal(docx.status, 200);
  assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.ok(docx.text.startsWith('PK'), 'a zip container');
  for (const mode of [4, 6, 8]) {
    const html = await moodle.withToken(`/documents/${ids.A}/retrieve?mode=${mode}`, 'GET');
    assert.equal(html.status, 200, `mode ${mode}`);
    assert.match(html.headers['content-type'], /text\/html/);
    assert.ok(html.text.includes('Alice opens her essay'), `mode ${mode} shows the document`);
  }
  const pdf = await moodle.withToken(`/documents/${ids.A}/retrieve?mode=9`, 'GET');
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.ok(pdf.text.startsWith('%PDF-'));
  for (const path of [`/documents/${ids.A}/retrieve?mode=7`, `/documents/${ids.A}/retrieve?mode=10&userID=${ownerID}`]) {
    const link = await moodle.withToken(path, 'GET');
    assert.equal(link.status, 200, path);
    assert.match(link.body.data.reportLink, /^http:\/\/127\.0\.0\.1:\d+\/viewer\//);
    const viewer = await fetch(link.body.data.reportLink);
    assert.equal(viewer.status, 200);
    assert.ok((await viewer.text()).includes('Alice opens her essay'));
  }
  const strangerLink = await moodle.withToken(`/documents/${ids.A}/retrieve?mode=10&userID=987654`, 'GET');
  assert.equal(strangerLink.body.error.message, MESSAGES.userMissing);

  // A submission that checks on upload needs no PUT /check.
  const auto = await moodle.withToken('/submissions', 'POST', { ownerID, title: 'Checked on upload', endTime: '', maxUploads: '100', share: 1, checkDeadline: 0, enableResubmission: 1, checkOnUpload: 1, type: 1, excludeSelfMatches: 0, excludeFromRepository: 0 });
  const autoDoc = (await upload('F.txt', 'text/plain', `${C} A second look at terns.`, auto.body.data.submissionID)).body.data.docID;
  // Checking on upload: never "no report" (Moodle would show "not started"), but "not finished" until done.
  const early = await moodle.withToken(`/documents/${autoDoc}/retrieve?mode=0`, 'GET');
  assert.ok(early.status === 200 || early.body.error.message === MESSAGES.checkRunning, JSON.stringify(early.body));
  await waitFor('the automatic check callback', async () => (callbacks((c) => c.query === String(autoDoc)).length ? true : undefined), 60_000, 100);
  assert.equal((await moodle.withToken(`/documents/${autoDoc}/retrieve?mode=0`, 'GET')).status, 200);

  // Deletion.
  assert.equal((await moodle.withToken(`/documents/${ids.C}`, 'DELETE')).status, 204);
  const gone = await moodle.withToken(`/documents/${ids.C}/retrieve?mode=0`, 'GET');
  assert.ok(gone.status >= 400);
  assert.equal(gone.body.error.message, MESSAGES.documentDeleted);
});
