/**
 * Builds token streams for engine tests without a tokeniser: `stream('A B C', 'D E')` gives one
 * line per argument, each word a token kind. `statements(...)` wraps each line in movable
 * statement markers; a line starting with `!` becomes a fixed statement.
 */
import { FIXED_OPEN, MOVABLE_OPEN, STATEMENT_CLOSE, type CodeToken } from './types.js';

export function stream(...lines: string[]): CodeToken[] {
  return lines.flatMap((l, i) => l.split(/\s+/).filter(Boolean).map((kind, c) => ({ kind, line: i + 1, column: c + 1 })));
}

export function statements(...lines: string[]): CodeToken[] {
  return lines.flatMap((l, i) => {
    const fixed = l.startsWith('!');
    const words = (fixed ? l.slice(1) : l).split(/\s+/).filter(Boolean);
    const body = words.map((kind, c) => ({ kind, line: i + 1, column: c + 2 }));
    return [{ kind: fixed ? FIXED_OPEN : MOVABLE_OPEN, line: i + 1, column: 1 }, ...body, { kind: STATEMENT_CLOSE, line: i + 1, column: words.length + 1 }];
  });
}
