// A worker thread of the repository-scale fill (bench/repository-scale.mjs): makes batches of
// synthetic documents with their retrieval fingerprints (bench/synthetic-fill.mjs) and returns
// them as PostgreSQL COPY text for the service's tables (documents, document_texts,
// fingerprints, repository_documents). One document in VERIFY_EVERY is fingerprinted again by
// the service's own code and a difference stops the fill.
import { parentPort, workerData } from 'node:worker_threads';
import { loadChain, rng } from './synthetic-text.mjs';
import { chainTables, essayWithFingerprints, sameAsService, loadStemmers } from './synthetic-fill.mjs';

const VERIFY_EVERY = 50;
await loadStemmers();
const { corpus, exclude, organisationId, repositoryId } = workerData;
const chain = loadChain(corpus, new Set(exclude));
const tables = chainTables(chain);

/** Lengths of 300 to 3,000 words, median ~900 (log-normal-like). */
const wordsOf = (rand) => Math.round(Math.min(3000, Math.max(300, 900 * Math.exp((rand() + rand() + rand() - 1.5) * 1.2))));
// Generated text holds letters, apostrophes, spaces and full stops only; escaped all the same.
const copyText = (s) => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]) : s);

parentPort.on('message', ({ batch, first, ids, now }) => {
  // Seeded by the batch's first document number: a resumed fill makes the same documents.
  const rand = rng(0x9e3779b1 ^ Math.imul(first, 2654435761));
  const docs = [];
  const texts = [];
  const fps = [];
  const repo = [];
  let fingerprints = 0;
  let verified = 0;
  for (let i = 0; i < ids.length; i++) {
    const n = first + i;
    const id = ids[i];
    const { text, fps: hashes } = essayWithFingerprints(chain, tables, rand, wordsOf(rand));
    if (i % VERIFY_EVERY === 0) {
      if (!sameAsService(text, hashes)) throw new Error(`document ${n}: fast fingerprints differ from textFingerprints(prepareText(text))`);
      verified++;
    }
    docs.push(`${id}\td${n}\t${organisationId}\tfiller ${n}\ttext/plain\t${text.length}\t${n}\tdone\ten\t${text.length}\t1\t0\t{}\t${now}\t${now}\n`);
    texts.push(`${id}\t${copyText(text)}\t{}\n`);
    let rows = '';
    for (const h of hashes) rows += `${id}\t${organisationId}\t${h}\n`;
    fps.push(rows);
    fingerprints += hashes.length;
    repo.push(`${repositoryId}\t${id}\t${now}\n`);
  }
  parentPort.postMessage({ batch, documents: docs.join(''), texts: texts.join(''), fingerprints: fps.join(''), repository: repo.join(''), fingerprintCount: fingerprints, verified });
});
parentPort.postMessage({ ready: true });
