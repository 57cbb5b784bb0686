import type { DocumentRow } from '../../store/index.js';
import { parseOptions } from '../../services/document-options.js';

/**
 * PlagScan's document state ("mode" in its callbacks, for historic reasons), in the numbers the
 * Moodle plugin gives its file statuses:
 *   4 queued (uploaded, being converted)   0 converted, check not started   1 check queued or running
 *   3 finished (a report exists)           254 conversion failed (no text or a broken file)
 */
export const STATE = { notStarted: 0, checking: 1, finished: 3, queued: 4, failed: 254 } as const;

export function documentState(doc: DocumentRow): number {
  switch (doc.status) {
    case 'queued':
    case 'converting':
      return STATE.queued;
    case 'converted':
      return parseOptions(doc.options).hold ? STATE.notStarted : STATE.checking;
    case 'checking':
      return STATE.checking;
    case 'done':
      return STATE.finished;
    default:
      return STATE.failed;
  }
}
