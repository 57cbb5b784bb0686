import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentence } from './report-service.js';

test('a failure reason ends the sentence with one full stop', () => {
  assert.equal(sentence('corrupt: the PDF cannot be read (Invalid PDF structure.)'), 'corrupt: the PDF cannot be read (Invalid PDF structure.)');
  assert.equal(sentence('encrypted: the PDF needs a password to open'), 'encrypted: the PDF needs a password to open.');
  assert.equal(sentence('no text.'), 'no text.');
});
