import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AiVerdict } from '../../engine/index.js';

/** `origo ai <file>`: the built-in AI-text detector on a UTF-8 text file. */
export function registerAiCommand(program: Command): void {
  program
    .command('ai')
    .description('estimate whether a text was machine-written (built-in detector; English, 150 words or more)')
    .argument('<file>', 'UTF-8 text file')
    .option('--language <code>', 'ISO 639-1 language of the text, if known (default: the detector checks)')
    .option('--json', 'print the verdict as JSON')
    .option('--lm', 'use the language-model detector in ORIGO_AI_MODEL_DIR instead (no measured accuracy)')
    .action(async (file: string, opts: { language?: string; json?: boolean; lm?: boolean }) => {
      const { detectAiText } = await import('../../engine/index.js');
      const { loadBuiltinAiModel } = await import('../../ai-models/builtin.js');
      const { loadLmDetector } = await import('../../ai-models/lm-detector.js');
      const text = readText(file);
      let verdict: AiVerdict;
      if (opts.lm) {
        const lm = await loadLmDetector();
        if (!lm) throw new Error('--lm needs ORIGO_AI_MODEL_DIR to name a folder of ONNX models');
        verdict = await lm.detect(text, { language: opts.language });
        await lm.close();
      } else {
        verdict = detectAiText(text, loadBuiltinAiModel(), { language: opts.language });
      }
      console.log(opts.json ? JSON.stringify(verdict, null, 2) : formatVerdict(verdict, text));
    });
}

/**
 * The file as UTF-8 text, or an error naming it: a document (DOCX, PDF …) read as UTF-8 gave a
 * verdict on its bytes, exit 0.
 */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(`${file}: cannot read (${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'a folder' : e.message})`);
  }
  try {
    if (!bytes.includes(0)) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: refused below
  }
  throw new Error(`${file}: not a UTF-8 text file (a document? \`origo extract\` shows the text Origo reads from it)`);
}

export function formatVerdict(v: AiVerdict, text: string): string {
  if (v.status === 'too_short') {
    return `AI score: not available (too short: ${v.words} words, the detector needs at least ${v.minWords})`;
  }
  if (v.status === 'unsupported_language') {
    const lang = v.language === 'und' ? 'the text does not read as English' : `language "${v.language}"`;
    return `AI score: not available (unsupported language: ${lang}; the detector is trained on English only)`;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const uncalibrated = 'calibrated' in v && v.calibrated === false;
  const lines = [
    uncalibrated
      ? `AI score: ${v.score.toFixed(3)} (detector ${v.detector}, UNCALIBRATED: no threshold measured, nothing is flagged)`
      : `AI-text check: ${{ flagged: 'FLAGGED', inconclusive: 'inconclusive', not_flagged: 'not flagged' }[v.verdict]} (score ${v.score.toFixed(3)}; inconclusive from ${v.inconclusiveThreshold}, flagged from ${v.threshold}; detector ${v.detector})`,
    v.verdict === 'not_flagged'
      ? `No passage highlighted (the text is not flagged) of ${v.words} words`
      : `Highlighted passages (marked *): ${pct(v.aiShare)} of ${v.words} words`,
    'segments:',
  ];
  v.segments.forEach((s, i) => {
    const preview = text.slice(s.offset, s.offset + 60).replace(/\s+/g, ' ');
    lines.push(`  ${String(i + 1).padStart(2)}  chars ${s.offset}-${s.offset + s.length}  ${String(s.words).padStart(3)} words  p=${s.probability.toFixed(3)}  ${s.ai ? '*  ' : '-  '}  "${preview}…"`);
  });
  lines.push('A score is a statistical estimate, not proof: see docs/ai-detection.md.');
  return lines.join('\n');
}
