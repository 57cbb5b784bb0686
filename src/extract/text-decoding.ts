import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * UTF-16 without a byte-order mark, recognised by its NUL pattern: the high byte of every ASCII
 * character (spaces, digits, punctuation, and all letters of Latin text) is 0, so NULs fall on one
 * parity only (odd offsets in little-endian, even in big-endian) and almost never on the other.
 * Binary files have NULs on both. Strict UTF-8 accepts such bytes (NUL is valid UTF-8), so this is
 * asked first. The decoded sample must read as text (few control characters, no broken pairs).
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const le = oddZeros >= evenZeros;
  const many = le ? oddZeros : evenZeros;
  const few = le ? evenZeros : oddZeros;
  // Spaces alone are about one character in six of prose; one in fifty is a safe floor.
  if (many < Math.max(2, pairs * 0.02) || few > many * 0.05) return null;
  const encoding = le ? 'utf-16le' : 'utf-16be';
  const sample = new TextDecoder(encoding).decode(bytes.subarray(0, n));
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  return odd <= Math.max(1, sample.length * 0.01) ? encoding : null;
}

/**
 * Decodes bytes of a text file and names the encoding: BOMs first, then UTF-16 without a BOM
 * (by its NUL pattern), then strict UTF-8, then chardet's guess among the single- and multi-byte encodings
 * iconv-lite knows (Windows-1250/1251/1252, ISO-8859-x, Shift_JIS, GB18030, ...).
 */
export function decodeTextWithEncoding(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: guess below
  }
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  if (guess && !/^utf/i.test(guess) && iconv.encodingExists(guess)) {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), guess), encoding: guess.toLowerCase() };
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithEncoding(bytes).text;
}
