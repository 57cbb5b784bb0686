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
  try {
    return await import(pathToFileURL(entry).href);
  } catch (err) {
    if (/GLIBCXX|ERR_DLOPEN_FAILED/.test(`${err?.code} ${err?.message}`)) {
      throw new Error(`Dolos's prebuilt tree-sitter binary does not load on this system (${err.message.split('\n')[0]}); build it from source once: cd bench/dolos && npm rebuild --build-from-source`);
    }
    throw err;
  }
}
