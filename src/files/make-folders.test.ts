import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeFolders, makeFoldersSync, missingFolders } from './make-folders.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'origo-folders-'));

test('makeFoldersSync creates the missing folders outermost first, with the mode asked for, and nothing when they exist', () => {
  const dir = scratch();
  const target = join(dir, 'a', 'b', 'c');
  assert.deepEqual(missingFolders(target), [join(dir, 'a'), join(dir, 'a', 'b'), target]);
  assert.deepEqual(makeFoldersSync(target, 0o700), [join(dir, 'a'), join(dir, 'a', 'b'), target]);
  assert.ok(statSync(target).isDirectory());
  assert.equal(statSync(join(dir, 'a')).mode & 0o077, 0, 'no group or other bits on a created folder');
  assert.deepEqual(makeFoldersSync(target), []);
});

// Node 20's recursive mkdir spins forever on these; the timeout turns a hang into a failure.
test('a folder under /proc is refused with a message naming it, not a hang (sync and async)', { timeout: 10_000 }, async () => {
  assert.throws(() => makeFoldersSync('/proc/origo-x/out'), (e: NodeJS.ErrnoException) => e.code === 'ENOENT' && e.message === 'cannot create the folder /proc/origo-x/out: /proc does not take new folders');
  await assert.rejects(makeFolders('/proc/origo-x'), /cannot create the folder \/proc\/origo-x: \/proc does not take new folders/);
});

test('a broken link or a file in the way is named as such', { timeout: 10_000 }, async () => {
  const dir = scratch();
  symlinkSync(join(dir, 'unmounted-disk'), join(dir, 'data'));
  assert.throws(() => makeFoldersSync(join(dir, 'data', 'blobs')), (e: NodeJS.ErrnoException) => e.code === 'EEXIST' && e.message.includes(`${join(dir, 'data')} exists and is not a folder`));
  writeFileSync(join(dir, 'file'), 'x');
  await assert.rejects(makeFolders(join(dir, 'file', 'sub')), /file exists and is not a folder/);
  assert.ok(!existsSync(join(dir, 'unmounted-disk')), 'nothing was created where the link points');
});
