import type { ReportModel } from './model.js';

/** A text as the renderers need it: the characters the offsets refer to and any archive members. */
export interface RenderText {
  text: string;
  files?: { path: string; offset: number }[];
}

/** What every renderer reads: the model plus the full texts its offsets refer to. */
export interface ReportBundle {
  model: ReportModel;
  submission: RenderText;
  /** Source texts by source id; a source deleted since the analysis is missing. */
  sources: Map<string, RenderText>;
}

/** Archive members of an extraction (for file headings), or undefined. */
export function filesOf(extraction: unknown): { path: string; offset: number }[] | undefined {
  const files = (extraction as { files?: { path: string; offset: number }[] } | null)?.files;
  return Array.isArray(files) ? files.map((f) => ({ path: f.path, offset: f.offset })) : undefined;
}
