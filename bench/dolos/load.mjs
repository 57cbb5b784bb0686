// Loads Dolos (@dodona/dolos-lib) from this folder's own install, which Origo's `npm install`
// does not make: its native tree-sitter parsers take minutes to build and 436 MB, and only the
// code benchmark uses them. Install it once with: npm ci --prefix bench/dolos
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export async function loadDolos() {
  const require = createRequire(new URL('./package.json', import.meta.url));
  let entry;
  try {
    entry = require.resolve('@dodona/dolos-lib');
  } catch {
    throw new Error('Dolos is not installed for the benchmark; run: npm ci --prefix bench/dolos');
  }
  return import(pathToFileURL(entry).href);
}
