import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { ReportBundle } from './bundle.js';
import { segment, type MarkRange } from './text-markup.js';
import { aiPassages, aiSummary } from './ai-wording.js';

const HIGHLIGHTS = ['yellow', 'green', 'cyan', 'magenta', 'lightGray', 'darkYellow'] as const;

/**
 * The annotated DOCX report: a summary (title, score, sources), then the submission's text with
 * every match highlighted in its source's colour and a Word comment naming the source and quoting
 * the source's text.
 */
export async function renderDocx(b: ReportBundle): Promise<Uint8Array> {
  const m = b.model;
  const index = new Map(m.sources.map((s, i) => [s.id, i]));
  const excludedSources = new Set(m.exclusions.sources);
  const active = m.matches.filter((x) => !x.excluded && !excludedSources.has(x.source_id));
  const commentId = new Map(active.map((x, i) => [x.id, i]));
  const ranges: MarkRange[] = active.map((x) => ({ id: x.id, start: x.submission.offset, end: x.submission.offset + x.submission.length, colour: index.get(x.source_id) ?? 0, excluded: false }));
  const text = b.submission.text;
  const spans = segment(text.length, ranges);
  const starts = new Map<number, string[]>();
  const ends = new Map<number, string[]>();
  for (const r of ranges) {
    starts.set(r.start, [...(starts.get(r.start) ?? []), r.id]);
    ends.set(r.end, [...(ends.get(r.end) ?? []), r.id]);
  }

  const paragraphs: Paragraph[] = [];
  let runs: ParagraphChild[] = [];
  const flush = () => {
    paragraphs.push(new Paragraph({ children: runs }));
    runs = [];
  };
  for (const s of spans) {
    for (const id of s.start === s.end ? [] : starts.get(s.start) ?? []) runs.push(new CommentRangeStart(commentId.get(id)!));
    const colour = s.ranges.length ? HIGHLIGHTS[s.ranges[0].colour % HIGHLIGHTS.length] : undefined;
    text.slice(s.start, s.end).split('\n').forEach((piece, i) => {
      if (i > 0) flush();
      if (piece) runs.push(new TextRun({ text: piece, highlight: colour }));
    });
    for (const id of ends.get(s.end) ?? []) {
      if (!s.ranges.some((r) => r.id === id)) continue;
      const n = commentId.get(id)!;
      runs.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }));
    }
  }
  flush();

  const comments = active.map((x) => {
    const i = index.get(x.source_id) ?? 0;
    const s = m.sources[i];
    const where = x.source.start_line ? ` (${x.source.file ? `${x.source.file}, ` : ''}lines ${x.source.start_line}-${x.source.end_line})` : '';
    return {
      id: commentId.get(x.id)!,
      author: 'Origo',
      initials: 'O',
      children: [
        new Paragraph({ children: [new TextRun({ text: `Source [${i + 1}] ${s?.title ?? x.source_id}, ${s?.similarity ?? 0}%${where}`, bold: true })] }),
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
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Sources (${m.sources.length})`)] }),
    ...m.sources.map((s, i) => new Paragraph({ children: [new TextRun({ text: `[${i + 1}] ${s.similarity}% `, bold: true, highlight: HIGHLIGHTS[i % HIGHLIGHTS.length] }), new TextRun(`${s.title} (${s.scope}, ${s.matches} matches${s.excluded ? ', excluded' : ''})`)] })),
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
