import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture } from '../testing/app-fixture.js';
import { AiScoreService } from './ai-score-service.js';
import type { DocumentRow } from '../store/index.js';

const LONG = Array.from({ length: 12 }, (_, i) =>
  `Paragraph ${i} of a long essay describes how rivers, glaciers and wind shape the land over thousands of years, and why farmers in the north still clear boulders from their fields each spring.`,
).join(' ');

test('a verdict for a document with enough text, none without text, too_short for a short one', async () => {
  const fx = await appFixture();
  try {
    const ai = new AiScoreService(fx.services.ctx);
    const org = (await fx.services.ctx.store.organisations.first())!;
    const long = await fx.services.documents.submit(org.id, { title: 'long', bytes: Buffer.from(LONG) });
    assert.equal(await ai.verdict(long), null, 'no extracted text yet');
    await fx.services.ctx.store.documents.putText(long.id, LONG, '{}');
    const v = await ai.verdict({ ...long, language: 'en' } as DocumentRow);
    assert.equal(v?.status, 'ok');
    if (v?.status === 'ok') {
      assert.ok(v.aiShare >= 0 && v.aiShare <= 1);
      assert.ok(v.words > 150);
    }
    const short = await fx.services.documents.submit(org.id, { title: 'short', bytes: Buffer.from('A few words only.') });
    await fx.services.ctx.store.documents.putText(short.id, 'A few words only.', '{}');
    assert.equal((await ai.verdict(short))?.status, 'too_short');
  } finally {
    await fx.close();
  }
});
