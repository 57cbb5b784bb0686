/**
 * A literal's value as the literal channel compares it (the tokeniser attaches it to `LIT` tokens).
 */

/** A quoted literal's start: an optional prefix (Python `f`/`rb`, C/C++ `L`/`u8`, C# `@`/`$`) and its quote. */
const QUOTED = /^([A-Za-z][A-Za-z0-9]?|[@$]{1,2})?(["'`])/;

/**
 * A literal's value as the literal channel compares it. Strings: in double quotes whatever quotes
 * they were written with (`'C'` and `"C"`, Python's `'abc'`, `"abc"` and `"""abc"""`: GPT-4o's
 * rewrites turn `s += "("` into `sb.append('(')`, and in Python the two quotes are one string),
 * escaped quotes unescaped, without their line-end and tab escapes (and `%n`, the line end of
 * Java's format strings) and with their spaces trimmed and collapsed (`"YES\n"`, `"YES%n"` and
 * `"YES"`, `"Total: "` and `"Total:"` print the same words); a prefix stays as written. Other
 * literals as written.
 */
export function literalValue(text: string): string {
  const open = QUOTED.exec(text);
  if (!open) return text;
  const prefix = open[1] ?? '', quote = open[2];
  const from = prefix.length;
  const triple = text.length >= from + 6 && text.startsWith(quote + quote + quote, from) && text.endsWith(quote + quote + quote) ? 3 : 1;
  // Unclosed: cut at the caller's length limit (or broken code); its opening quote is still normalised.
  const closed = text.length >= from + 2 * triple && text.endsWith(quote);
  let body = text.slice(from + triple, closed ? text.length - triple : text.length);
  if (quote === '"' && triple === 1 && closed && !/[\\\s%]/.test(body)) return text; // nothing below would change it
  if (body.includes('\\')) body = body.replace(/\\(["'`])/g, '$1').replace(/\\[ntr]/g, ' ');
  // Java's format strings write a line end as `%n` (GPT-4o turns "…\n" into "…%n"); `%%n` prints "%n".
  if (body.includes('%n')) body = body.replace(/(?<!%)%n/g, ' ');
  if (/\s/.test(body)) body = body.replace(/\s+/g, ' ').trim();
  return prefix + '"' + body + (closed ? '"' : '');
}
