import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loggableUrl } from './request-log.js';

test('logged URLs keep paths and parameter names, never query values or signed tokens', () => {
  assert.equal(loggableUrl('/api/v1/documents/6753bc0b-53ef-4698-b483-1a5627f6ab16/report'), '/api/v1/documents/6753bc0b-53ef-4698-b483-1a5627f6ab16/report');
  assert.equal(loggableUrl('/plagscan/v3/documents?access_token=s3cret&page=2'), '/plagscan/v3/documents?access_token=*&page=*');
  assert.equal(loggableUrl('/plagiat/api/v2/documents/get?APIKEY=abc%20def'), '/plagiat/api/v2/documents/get?APIKEY=*');
  assert.equal(loggableUrl('/viewer/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl/report.pdf'), '/viewer/[token]/report.pdf');
  assert.equal(loggableUrl('/inspera/upload/abcdef'), '/inspera/upload/[token]');
  assert.equal(loggableUrl('/x/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'), '/x/[token]');
  assert.equal(loggableUrl('/x/' + 'k'.repeat(48)), '/x/[token]');
  assert.equal(loggableUrl('/health'), '/health');
});
