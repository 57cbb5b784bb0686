/**
 * Cross-language detection through a started server (issue 21), as an Inspera client sees it:
 *
 *   assignment "history-7" (Inspera API): an English essay (the source), then
 *     a German essay whose middle translates four of its sentences  → translation match, translation_similarity > 0
 *     an unrelated German text                                      → no match, translation_similarity 0
 *   assignment "history-8": the German essay first, the English source later → the German report is
 *     composed again with the translation match (webhook 3)
 *
 * The German essay finds the English one through its translated fingerprints (it shares no word
 * fingerprint with it); the native report shows the passage with its offsets on both sides.
 * Needs the FreeDict German dictionary (dict-freedict-deu-eng): skipped without it, unless
 * ORIGO_REQUIRE_DICTIONARIES=1 (CI), where its absence fails.
 */
import { test, after } from 'node:test';
import { createServer, type Server } from 'node:http';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { insperaClient } from '../testing/inspera-client.js';
import { availableDictionaries } from '../dictionaries/freedict.js';
import { ENGLISH_SOURCE, GERMAN_ESSAY, GERMAN_TRANSLATION, GERMAN_UNRELATED, TRANSLATED_ENGLISH } from '../testing/cross-language-texts.js';

const KEY = 'cross-language-e2e-key-0123456789';
const dir = tempDir();
let server: ServerProcess | undefined;
let receiver: Server | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  receiver?.close();
  dir.remove();
});

interface Match { kind: string; offset: number; length: number; source_offset: number; source_length: number; source_id: string; submission_excerpt: string; source_excerpt: string }

test('a German essay translating an English peer gets a translation match and Inspera translation_similarity > 0; an unrelated German text gets none', { timeout: 240_000 }, async (t) => {
  if (!availableDictionaries().includes('de')) {
    assert.ok(process.env.ORIGO_REQUIRE_DICTIONARIES !== '1', 'freedict-deu-eng is not installed, and ORIGO_REQUIRE_DICTIONARIES=1');
    t.skip('freedict-deu-eng is not installed (apt-get install dict-freedict-deu-eng): cross-language detection is not tested');
    return;
  }
  // The institution's webhook receiver: Inspera's "processed" webhook carries translation_similarity too.
  const hooks: { status: number; documentId: string; translation_similarity?: number | null }[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => { hooks.push(JSON.parse(body)); res.writeHead(200).end('ok'); });
  });
  await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', () => r()));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1', ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_WEBHOOK_BACKOFF_MS: '200' });
  const admin = apiClient(server.url, KEY);
  const org = (await admin.get('/api/v1/me')).body.organisation_id as string;
  assert.equal((await admin.patch(`/api/v1/organisations/${org}`, { settings: { inspera_webhook_url: hookUrl } })).status, 200);
  const c = insperaClient(`${server.url}/inspera`);
  assert.equal((await c.login(KEY, org)).status, 200);
  const submit = async (title: string, text: string, assignmentId = 'history-7') => {
    const r = await c.post('/create/submission', { documentTitle: title, author: 'Student Name', email: `${title.replace(/\W/g, '')}@school.example`, docType: 'text/plain', assignmentId, enableContextSimilarity: false });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok((await c.upload(r.body.presignedS3Url, text, 'text/plain')).status < 400);
    return r.body.documentId as string;
  };
  const processed = (id: string) => waitFor(`${id} processed`, async () => {
    const r = await c.get(`/document/${id}/checkStatus`);
    return r.body.status === 1 ? r.body : undefined;
  }, 180_000, 250);
  /** The native report of the document with this title. */
  const report = async (title: string) => {
    const docs = (await admin.get('/api/v1/documents?limit=100')).body.items as { id: string; title: string }[];
    const doc = docs.find((d) => d.title === title);
    assert.ok(doc, `${title} is listed`);
    const r = await admin.get(`/api/v1/documents/${doc.id}/report`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { translation_similarity: number | null; translation: { status: string; language: string | null; reason: string | null }; matches: Match[]; sources: { id: string; title: string }[] };
  };

  const english = await submit('Harbour history (English)', ENGLISH_SOURCE);
  const sEnglish = await processed(english);
  assert.equal(sEnglish.translation_similarity, null, 'English text: translation similarity is not applicable');

  const german = await submit('Hafengeschichte (Deutsch)', GERMAN_ESSAY);
  const sGerman = await processed(german);
  assert.ok(sGerman.translation_similarity > 0, `German translation: translation_similarity ${sGerman.translation_similarity}`);
  assert.equal(sGerman.translationSimilarity, sGerman.translation_similarity);
  const rGerman = await report('Hafengeschichte (Deutsch)');
  assert.equal(rGerman.translation.status, 'ok');
  assert.equal(rGerman.translation.language, 'de');
  assert.equal(rGerman.translation_similarity, sGerman.translation_similarity);
  const translated = rGerman.matches.filter((m) => m.kind === 'translation');
  assert.equal(translated.length, 1, JSON.stringify(rGerman.matches));
  const [m] = translated;
  assert.equal(GERMAN_ESSAY.slice(m.offset, m.offset + m.length), GERMAN_TRANSLATION);
  assert.equal(ENGLISH_SOURCE.slice(m.source_offset, m.source_offset + m.source_length), TRANSLATED_ENGLISH);
  assert.equal(m.submission_excerpt, GERMAN_TRANSLATION);
  assert.equal(m.source_excerpt, TRANSLATED_ENGLISH);
  assert.equal(rGerman.sources.find((s) => s.id === m.source_id)?.title, 'Harbour history (English)');

  const unrelated = await submit('Klassenfahrt (Deutsch)', GERMAN_UNRELATED);
  const sUnrelated = await processed(unrelated);
  assert.equal(sUnrelated.translation_similarity, 0);
  const rUnrelated = await report('Klassenfahrt (Deutsch)');
  assert.equal(rUnrelated.translation.status, 'ok');
  assert.equal(rUnrelated.translation_similarity, 0);
  assert.deepEqual(rUnrelated.matches.filter((x) => x.kind === 'translation'), []);

  // The processed webhooks carry the same translation_similarity as checkStatus.
  const processedHook = (id: string) => waitFor(`${id} webhook`, async () => hooks.find((h) => h.documentId === id && h.status === 1), 60_000, 200);
  assert.equal((await processedHook(german)).translation_similarity, sGerman.translation_similarity);
  assert.equal((await processedHook(unrelated)).translation_similarity, 0);
  assert.equal((await processedHook(english)).translation_similarity, null);

  // The other order: the German essay first, its English source later. The English document's
  // fingerprints cannot find the German one; the German peer's translated fingerprints are
  // compared with the newcomer's, and the German report is composed again with the match.
  const germanFirst = await submit('Hafengeschichte, früh abgegeben', GERMAN_ESSAY, 'history-8');
  assert.equal((await processed(germanFirst)).translation_similarity, 0, 'no English source yet');
  const englishLater = await submit('Harbour history, handed in later', ENGLISH_SOURCE, 'history-8');
  await processed(englishLater);
  const changed = await waitFor('German report changed', async () => {
    const r = await c.get(`/document/${germanFirst}/checkStatus`);
    return r.body.status === 1 && r.body.translation_similarity > 0 ? r.body : undefined;
  }, 120_000, 250);
  assert.equal(changed.translation_similarity, sGerman.translation_similarity);
  const rLater = await report('Hafengeschichte, früh abgegeben');
  const [later] = rLater.matches.filter((x) => x.kind === 'translation');
  assert.equal(GERMAN_ESSAY.slice(later.offset, later.offset + later.length), GERMAN_TRANSLATION);
  assert.equal(rLater.sources.find((x) => x.id === later.source_id)?.title, 'Harbour history, handed in later');
  assert.equal((await waitFor('changed webhook', async () => hooks.find((h) => h.documentId === germanFirst && h.status === 3), 60_000, 200)).translation_similarity, sGerman.translation_similarity);
});
