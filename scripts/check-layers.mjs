#!/usr/bin/env node
// Enforces the import direction of ARCHITECTURE.md. The engine is pure: no Node built-ins, no
// packages that do IO, HTTP or SQL, and nothing from the rest of src/. Exits 1 with the offenders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// An optional argument checks another tree (the layer-check test uses a temporary one).
const src = process.argv[2] ? resolve(process.argv[2]) : join(root, 'src');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|js|mjs)$/.test(name) ? [p] : [];
  });
}

// Layers that may be imported by each layer (by first path segment under src/).
const allowed = {
  engine: ['engine'],
  extract: ['extract', 'engine'],
  store: ['store', 'engine', 'files'],
  blob: ['blob', 'files'],
  files: ['files'],
  report: ['report', 'engine', 'extract'],
  webhook: ['webhook', 'store', 'engine'],
  config: ['config'],
  pan: ['pan', 'engine', 'dictionaries', 'native', 'files'],
  native: ['native', 'engine'],
  dictionaries: ['dictionaries', 'engine'],
  metrics: ['metrics'],
};
// Packages the pure engine may import (none do IO). Everything else is refused.
const enginePackages = new Set(['stemmer', 'stopword', 'snowball-stemmers']);
const forbiddenInEngine = /^(node:|fs|path|http|https|net|os|child_process|crypto|worker_threads|url|stream|zlib|better-sqlite3|pg|kysely|fastify|undici)/;

const offences = [];
// Tests are not part of a layer: they may use node:test and the testing helpers.
for (const file of walk(src).filter((f) => !/\.test\.(ts|js|mjs)$/.test(f))) {
  const rel = relative(src, file);
  const layer = rel.split(/[\\/]/)[0];
  const text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  for (const spec of imports) {
    if (spec.startsWith('.')) {
      const target = relative(src, resolve(dirname(file), spec)).split(/[\\/]/)[0];
      const ok = allowed[layer];
      if (ok && !ok.includes(target)) offences.push(`${rel}: layer "${layer}" must not import "${target}" (${spec})`);
    } else if (layer === 'engine') {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (forbiddenInEngine.test(spec) || !enginePackages.has(pkg)) offences.push(`${rel}: the engine must stay pure, but imports "${spec}"`);
    }
  }
  if (layer === 'engine' && /\b(Date\.now|new Date\(|Math\.random|process\.|require\()/.test(text)) {
    offences.push(`${rel}: the engine must not read the clock, randomness or the process`);
  }
}

if (offences.length) {
  console.error(`Layer check failed:\n  ${offences.join('\n  ')}`);
  process.exit(1);
}
console.log('layer check: ok');
