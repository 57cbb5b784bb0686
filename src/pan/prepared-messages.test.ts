import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignInputs, alignmentInput, alignTexts, prepareText } from '../engine/text/index.js';
import { DocumentDecoder, DocumentEncoder } from './prepared-messages.js';
import type { PairItem } from './prepared-messages.js';

// The submission rewords the source with WordNet synonyms ("purchased" for "bought", ...): the
// passage is found only when the decoded models still carry the synonym index.
const source = 'Fishing villages once dotted the estuary and most families lived from herring caught in winter. '
  + 'The merchant bought a large vessel and hired a crew of twelve sailors for the long voyage. '
  + 'They travelled across the ocean to trade wool, timber and salted fish in distant ports. '
  + 'After three years the merchant returned a wealthy man and built a house above the harbour. '
  + 'Today the old warehouses along the quay hold galleries, cafes and small flats.';
const submission = 'My essay looks at small coastal towns and the people who lived in them long ago. '
  + 'The trader purchased a big ship and engaged a crew of twelve seamen for the lengthy journey. '
  + 'They journeyed over the sea to sell wool, lumber and salted fish in faraway harbours. '
  + 'After three years the trader came back a rich man and constructed a home above the port. '
  + 'In conclusion, trade shaped the fortunes of the coast for more than a century.';

test('documents sent to another thread (structured clone) align as the prepared texts do, synonyms included', () => {
  const s = prepareText(submission);
  const r = prepareText(source);
  const expected = alignTexts(s, r);
  assert.ok(expected.length > 0, 'the reworded passage is found in this thread');
  const encoder = new DocumentEncoder();
  const first: PairItem = { i: 0, docs: [] };
  encoder.add(first, 'susp/s', s);
  encoder.add(first, 'src/r', r);
  assert.ok(first.synonyms, 'the synonym index goes with the first English document');
  const stemsSent = first.stems!.reduce((n, x) => n + x.list.length, 0);
  assert.equal(stemsSent, alignmentInput(r).model.stems.length, 'every stem numbered so far is sent');
  // A document sent again later carries neither stems already sent nor the synonym index again.
  const second: PairItem = { i: 1, docs: [] };
  encoder.add(second, 'src/r', r);
  assert.equal(second.stems, undefined);
  assert.equal(second.synonyms, undefined);

  const decoder = new DocumentDecoder();
  const inputs = new Map(decoder.decode(structuredClone(first)));
  const a = inputs.get('susp/s')!;
  const b = inputs.get('src/r')!;
  assert.ok(a.model.synonyms && a.model.synonyms === b.model.synonyms);
  assert.deepEqual(alignInputs(a, b), expected);
  // Without the synonym index the reworded passage is not found: the test above depends on it.
  assert.deepEqual(alignInputs({ ...a, model: { ...a.model, synonyms: null } }, { ...b, model: { ...b.model, synonyms: null } }), []);
});
