import type { DocumentRow, Store } from '../../store/index.js';
import type { Passage } from '../../engine/index.js';
import { compareCodeSubmissions, type SourceSubmission } from '../../code-tokens/index.js';
import type { StoredAnalysis, StoredSource } from '../../services/analysis-model.js';
import type { AssignmentSettings } from '../../services/settings.js';

/** A code passage: character ranges plus the file and lines on both sides. */
type CodePassage = Passage & { file: string; startLine: number; endLine: number; sourceFile: string; sourceStartLine: number; sourceEndLine: number };

interface ExtractedFiles {
  files?: { path: string; offset: number; length: number }[];
}

/** A code document as the code engine reads it: its files (from a ZIP) or the one file uploaded. */
export function sourceSubmissionOf(doc: DocumentRow, text: string, extraction: ExtractedFiles): SourceSubmission & { offsets: Map<string, number> } {
  const offsets = new Map<string, number>();
  if (extraction.files && extraction.files.length) {
    const files = extraction.files.map((f) => {
      offsets.set(f.path, f.offset);
      return { path: f.path, text: text.slice(f.offset, f.offset + f.length) };
    });
    return { id: String(doc.id), files, offsets };
  }
  const path = doc.filename || 'submission.txt';
  offsets.set(path, 0);
  return { id: String(doc.id), files: [{ path, text }], offsets };
}

/** Character range of lines [start, end] (1-based, inclusive) of a file inside the document text. */
function lineRange(fileText: string, fileOffset: number, startLine: number, endLine: number): { offset: number; length: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < fileText.length && line < startLine; i++) if (fileText.charCodeAt(i) === 10) { line++; start = i + 1; }
  let end = start;
  for (; end < fileText.length; end++) {
    if (fileText.charCodeAt(end) === 10) {
      if (line === endLine) break;
      line++;
    }
  }
  return { offset: fileOffset + start, length: Math.max(0, end - start) };
}

export interface CodeCheckMember {
  doc: DocumentRow;
  submission: SourceSubmission & { offsets: Map<string, number> };
  /** Where it came from, seen from the assignment: a submission of it, or a repository document. */
  scope: 'peer' | 'repository';
}

/**
 * Checks every submission of a code assignment against every other (and the repository documents
 * given) in one engine run, and returns the analysis of each submission: its sources are the other
 * submissions it shares code with, each with fragments (file and lines on both sides) and the
 * same fragments as character ranges of the extracted texts.
 */
export async function analyseCodeGroup(members: CodeCheckMember[], settings: AssignmentSettings, reason: string): Promise<Map<number, StoredAnalysis>> {
  const base = settings.template_text.trim() ? { id: 'base', files: [{ path: 'base.txt', text: settings.template_text }] } : undefined;
  const result = await compareCodeSubmissions(members.map((m) => m.submission), { language: settings.language ?? undefined, base });
  const byId = new Map(members.map((m) => [String(m.doc.id), m]));
  const fileText = (m: CodeCheckMember, path: string) => m.submission.files.find((f) => f.path === path)?.text ?? '';
  const sources = new Map<number, StoredSource[]>();
  for (const pair of result.pairs) {
    // A pair sharing no fingerprint can still score through the literal channel (shared rare
    // strings and numbers, docs/code-similarity.md): it is a source with that score and no fragments.
    if (pair.similarity <= 0) continue;
    const left = byId.get(pair.left)!;
    const right = byId.get(pair.right)!;
    for (const [me, other, flip] of [[left, right, false], [right, left, true]] as const) {
      if (me.scope === 'repository') continue;
      const passages: CodePassage[] = [];
      const fragments = pair.fragments.map((f) => {
        const mine = flip ? { file: f.rightFile, start: f.rightStartLine, end: f.rightEndLine } : { file: f.leftFile, start: f.leftStartLine, end: f.leftEndLine };
        const theirs = flip ? { file: f.leftFile, start: f.leftStartLine, end: f.leftEndLine } : { file: f.rightFile, start: f.rightStartLine, end: f.rightEndLine };
        const a = lineRange(fileText(me, mine.file), me.submission.offsets.get(mine.file) ?? 0, mine.start, mine.end);
        const b = lineRange(fileText(other, theirs.file), other.submission.offsets.get(theirs.file) ?? 0, theirs.start, theirs.end);
        passages.push({
          offset: a.offset, length: a.length, sourceOffset: b.offset, sourceLength: b.length, kind: 'code', similarity: pair.similarity,
          file: mine.file, startLine: mine.start, endLine: mine.end, sourceFile: theirs.file, sourceStartLine: theirs.start, sourceEndLine: theirs.end,
        });
        return { file: mine.file, start_line: mine.start, end_line: mine.end, source_file: theirs.file, source_start_line: theirs.start, source_end_line: theirs.end, tokens: f.tokens };
      });
      const list = sources.get(me.doc.id) ?? [];
      list.push({
        document_id: other.doc.id,
        public_id: other.doc.public_id,
        title: other.doc.title,
        scope: other.scope,
        similarity: pair.similarity,
        passages,
        code: { fragments, longest_fragment: pair.longestFragment, shared_fingerprints: pair.sharedFingerprints, shared_values: pair.sharedValues },
      });
      sources.set(me.doc.id, list);
    }
  }
  const out = new Map<number, StoredAnalysis>();
  for (const m of members) {
    if (m.scope !== 'peer') continue;
    const list = (sources.get(m.doc.id) ?? []).sort((a, b) => b.similarity - a.similarity);
    out.set(m.doc.id, {
      engine: 'code',
      similarity: list.length ? list[0].similarity : 0,
      factor1: 0,
      factor2: 0,
      exclusions: [],
      language: settings.language ?? 'code',
      sources: list,
      settings,
      scopes: { peers: true, repository: members.some((x) => x.scope === 'repository') },
      candidates_considered: members.length - 1,
      reason,
      common_code: {
        base: result.excludedFingerprints.base,
        common: result.excludedFingerprints.common,
        common_kept: result.excludedFingerprints.commonKept,
        min_holders: result.excludedFingerprints.commonMinHolders,
        submissions: members.length,
      },
      ai: { status: 'not_applicable' },
    });
  }
  return out;
}

/** The members of a code check: submissions of the assignment ready to compare, and repository documents when asked. */
export async function codeCheckMembers(store: Store, assignmentId: number, organisationId: number, withRepository: boolean): Promise<CodeCheckMember[]> {
  const ready = (d: DocumentRow) => d.status === 'converted' || d.status === 'checking' || d.status === 'done';
  const docs = (await store.documents.inAssignment(assignmentId)).filter(ready);
  const repoDocs: DocumentRow[] = [];
  if (withRepository) {
    const repo = await store.repositories.defaultOf(organisationId);
    if (repo) {
      const ids = await store.repositories.documentIds(repo.id, 5000, 0);
      repoDocs.push(...(await store.documents.byIds(ids)).filter((d) => ready(d) && d.assignment_id !== assignmentId));
    }
  }
  const all = [...docs.map((d) => ({ d, scope: 'peer' as const })), ...repoDocs.map((d) => ({ d, scope: 'repository' as const }))];
  const texts = new Map((await store.documents.texts(all.map((x) => x.d.id))).map((t) => [t.document_id, t]));
  const members: CodeCheckMember[] = [];
  for (const { d, scope } of all) {
    const t = texts.get(d.id);
    if (!t) continue;
    members.push({ doc: d, scope, submission: sourceSubmissionOf(d, t.text, JSON.parse(t.extraction) as ExtractedFiles) });
  }
  return members;
}
