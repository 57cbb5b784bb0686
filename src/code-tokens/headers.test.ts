/**
 * `.h` headers: C++ in a submission with C++ sources (the grammar of the files that include
 * them), C otherwise; `--language cpp` takes them too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tokenizeSubmission } from './compare-sources.js';
import { languageByName, submissionLanguages } from './languages.js';
import { tokenizeCode } from './tokenize.js';

const HEADER = `#pragma once
#include <string>
class Account {
public:
    Account(const std::string& owner, double balance);
    void deposit(double amount);
    bool withdraw(double amount);
    double balance() const;
private:
    std::string owner_;
    double balance_;
};
`;
const SOURCE = `#include "account.h"
Account::Account(const std::string& owner, double balance) : owner_(owner), balance_(balance) {}
void Account::deposit(double amount) { if (amount > 0) balance_ += amount; }
bool Account::withdraw(double amount) { if (amount > balance_) return false; balance_ -= amount; return true; }
double Account::balance() const { return balance_; }
`;

test('a .h beside C++ sources is C++, beside C sources (or alone) it is C', () => {
  assert.deepEqual(submissionLanguages(['account.h', 'account.cpp', 'README.md']).map((l) => l?.name), ['cpp', 'cpp', undefined]);
  assert.deepEqual(submissionLanguages(['util.h', 'util.c']).map((l) => l?.name), ['c', 'c']);
  assert.deepEqual(submissionLanguages(['util.h']).map((l) => l?.name), ['c']);
});

test('a submission\'s C++ header is tokenised with the C++ grammar: its class reads as the class, not as C error recovery', async () => {
  const sub = await tokenizeSubmission({ id: 's', files: [{ path: 'account.h', text: HEADER }, { path: 'account.cpp', text: SOURCE }] });
  const header = sub.files.find((f) => f.path === 'account.h')!.tokens.map((t) => t.kind);
  assert.deepEqual(header, (await tokenizeCode(HEADER, languageByName('cpp')!)).map((t) => t.kind));
  assert.ok(header.includes('CLASS') && header.filter((k) => k === 'FUNCTION').length === 4, header.join(' '));
  assert.ok(!header.includes('labeled_statement'), 'C read "public:" as a label');
});

test('origo compare --language cpp compares headers too, and a renamed copy of a header matches in it', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'origo-headers-'));
  try {
    const rename = (s: string) => s.replace(/Account/g, 'Konto').replace(/account\.h/g, 'konto.h').replace(/deposit/g, 'putIn').replace(/amount/g, 'value').replace(/owner/g, 'holder');
    for (const [name, header, source] of [['a', HEADER, SOURCE], ['b', rename(HEADER), rename(SOURCE)]]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, name === 'a' ? 'account.h' : 'konto.h'), header);
      writeFileSync(join(dir, name, name === 'a' ? 'account.cpp' : 'konto.cpp'), source);
    }
    for (const args of [[], ['--language', 'cpp']]) {
      const r = spawnSync(process.execPath, [join(root, 'bin/origo.js'), 'compare', dir, '--format', 'json', ...args], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      const pair = JSON.parse(r.stdout).pairs[0];
      assert.equal(pair.similarity, 1, `${args.join(' ')}: ${r.stdout.slice(0, 300)}`);
      assert.ok(pair.fragments.some((f: { leftFile: string; rightFile: string }) => f.leftFile === 'account.h' && f.rightFile === 'konto.h'), `${args.join(' ')}: the headers match each other`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
