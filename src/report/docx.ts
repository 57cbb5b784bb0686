import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { ReportBundle } from './bundle.js';
import { sharedValuesText } from './shared-values.js';
import { segment } from './text-markup.js';
import { filterLines, notCountedReason, submissionMarks } from './marks.js';
import { aiPassages, aiSummary } from './ai-wording.js';
import { reasonLabel } from './counted.js';

const HIGHLIGHTS = ['yellow', 'green', 'cyan', 'magenta', 'lightGray', 'darkYellow'] as const;

/**
 * The annotated DOCX report: a summary (title, score, sources), then the submission's text with
 * every counted match highlighted in its source's colour (text that does not count in grey) and a
 * Word comment per match naming the source, quoting the source's text and saying why it does not
 * count where it does not; the filters in force are listed under the score.
 */
export async function renderDocx(b: ReportBundle): Promise<Uint8Array> {
  const m = b.model;
  const index = new Map(m.sources.map((s, i) => [s.id, i]));
  // Every match gets a comment; a match or part of one that does not count (a quotation, template
  // text, an excluded source ...) is not highlighted and its comment says why.
  const commentId = new Map(m.matches.map((x, i) => [x.id, i]));
  const ranges = submissionMarks(m);
  const text = b.submission.text;
  const spans = segment(text.length, ranges);
  const starts = new Map<number, string[]>();
  const ends = new Map<number, string[]>();
  for (const x of m.matches) {
    const [start, end] = [x.submission.offset, x.submission.offset + x.submission.length];
    if (end <= start) continue;
    starts.set(start, [...(starts.get(start) ?? []), x.id]);
    ends.set(end, [...(ends.get(end) ?? []), x.id]);
  }

  const paragraphs: Paragraph[] = [];
  let runs: ParagraphChild[] = [];
  const flush = () => {
    paragraphs.push(new Paragraph({ children: runs }));
    runs = [];
  };
  for (const s of spans) {
    for (const id of s.start === s.end ? [] : starts.get(s.start) ?? []) runs.push(new CommentRangeStart(commentId.get(id)!));
    const counted = s.ranges.find((r) => !r.excluded);
    const colour = counted ? HIGHLIGHTS[counted.colour % HIGHLIGHTS.length] : undefined;
    text.slice(s.start, s.end).split('\n').forEach((piece, i) => {
      if (i > 0) flush();
      // Match text that does not count: grey, not highlighted (its comment says why).
      if (piece) runs.push(new TextRun({ text: piece, highlight: colour, ...(s.ranges.length && !counted ? { color: '6B7280' } : {}) }));
    });
    for (const id of ends.get(s.end) ?? []) {
      if (!s.ranges.some((r) => r.id === id)) continue;
      const n = commentId.get(id)!;
      runs.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }));
    }
  }
  flush();

  const comments = m.matches.filter((x) => x.submission.length > 0).map((x) => {
    const i = index.get(x.source_id) ?? 0;
    const s = m.sources[i];
    const where = x.source.start_line ? ` (${x.source.file ? `${x.source.file}, ` : ''}lines ${x.source.start_line}-${x.source.end_line})` : '';
    return {
      id: commentId.get(x.id)!,
      author: 'Origo',
      initials: 'O',
      children: [
        new Paragraph({ children: [new TextRun({ text: `Source [${i + 1}] ${s?.title ?? x.source_id}, ${s?.similarity ?? 0}%${where}`, bold: true })] }),
        ...(notCountedReason(m, x) ? [new Paragraph({ children: [new TextRun({ text: `Not counted: ${[...new Set([notCountedReason(m, x), ...x.excluded_parts.map((p) => reasonLabel(p.reason))])].join(', ')}.` })] })] : []),
        ...(!notCountedReason(m, x) && x.excluded_parts.length ? [new Paragraph({ children: [new TextRun({ text: `Partly not counted: ${[...new Set(x.excluded_parts.map((p) => reasonLabel(p.reason)))].join(', ')}.` })] })] : []),
        new Paragraph({ children: [new TextRun({ text: x.source_excerpt.slice(0, 1500), italics: true })] }),
      ],
    };
  });

  const summary = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.document.title)] }),
    new Paragraph({ children: [new TextRun({ text: `Similarity: ${m.similarity}%`, bold: true, size: 28 })] }),
    new Paragraph({ children: [new TextRun(`Document ${m.document.id}${m.document.author ? `, by ${m.document.author}` : ''}. Report version ${m.version}, ${m.created_at.slice(0, 16).replace('T', ' ')} UTC.`)] }),
    new Paragraph({ children: [new TextRun(aiSummary(m.ai).replace(/([^.])$/, '$1.'))] }),
    ...(m.ai.available && m.ai.verdict !== 'not_flagged' ? [new Paragraph({ children: [new TextRun(aiPassages(m.ai))] })] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Filters')] }),
    ...filterLines(m).map((l) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(l)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Sources (${m.sources.length})`)] }),
    ...m.sources.map((s, i) => new Paragraph({ children: [new TextRun({ text: `[${i + 1}] ${s.similarity}% `, bold: true, highlight: HIGHLIGHTS[i % HIGHLIGHTS.length] }), new TextRun(`${s.title} (${s.scope}, ${s.matches} ${s.matches === 1 ? 'match' : 'matches'}${s.excluded_matches ? `, ${s.excluded_matches} not counted` : ''}${s.excluded ? ', excluded' : ''})${sharedValuesText(s)}`)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Submission text')] }),
  ];
  const doc = new Document({
    creator: 'Origo',
    title: `Similarity report: ${m.document.title}`,
    comments: { children: comments },
    sections: [{ children: [...summary, ...paragraphs] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
