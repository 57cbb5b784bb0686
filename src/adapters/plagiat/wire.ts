/**
 * Plagiat.pl / StrikePlagiarism LMS API v2 wire types: what its clients send and read. Names,
 * spellings (`report-ready`, `document-size`) and error bodies follow the vendor's document; the
 * camelCase twins (`reportReady`, `documentSize`, `foreignAlphabetAlert`) are what the Chamilo
 * client's serializer model reads, so both are sent.
 */

/** How an endpoint family words its errors. */
export type ErrorShape =
  /** documents/add and the document actions: `{"status": "error", "message"}`. */
  | 'status'
  /** documents, documents/report, users, orgs: `{"message"}`. */
  | 'message'
  /** report/api/token (a Spring service): `{timestamp, status, error, message, path}`. */
  | 'spring';

/** An answer in the vendor's own error shape, thrown by handlers and rendered by the scope's error handler. */
export class PlagiatError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new PlagiatError(400, message);
export const forbidden = (message: string) => new PlagiatError(403, message);

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

export function errorBody(shape: ErrorShape, status: number, message: string, path: string): Record<string, unknown> {
  if (shape === 'status') return { status: 'error', message };
  if (shape === 'spring') return { timestamp: new Date().toISOString().replace('Z', '+00:00'), status, error: REASONS[status] ?? 'Error', message, path };
  return { message };
}

/** Response of documents/add. */
export interface AddDocumentResponse {
  status: 'new';
  message: string;
  id: string;
}

/** One entry of `cross-checks`. */
export interface CrossCheck {
  documentTitle: string;
  documentAuthor: string;
  similarity: number;
}

/** GET /api/v2/documents. Fields Origo cannot compute are left out (the vendor's "not enabled" form). */
export interface DocumentMetadata {
  id: string;
  title: string;
  author: string;
  coordinator: string;
  'report-ready': boolean;
  reportReady: boolean;
  indexed: boolean;
  status: string;
  factor1?: number;
  factor2?: number;
  localSourcesFactor?: number;
  /** Share (0-1) of the words inside quotation marks or block quotes. */
  quotationsFactor?: number;
  'foreign-alphabet-alert'?: number;
  foreignAlphabetAlert?: number;
  'cross-checks'?: CrossCheck[];
  /** Share (0-1) of the words in the passages that drove a flagged AI-text verdict; 0 unless flagged; absent when it cannot judge. */
  aiDetectionFactor?: number;
  'document-size': number | null;
  documentSize: number | null;
  md5sum: string;
}

/** The JSON form of documents/report (Accept: application/json), as the PHP client's Report reads it. */
export interface ReportJson {
  id: string;
  status: 'success';
  title: string;
  name: string;
  author: string;
  coordinator: string;
  /** Percentages (0-100) of words in matched phrases of at least 5 and at least 25 words; null for reports made before the engine computed them. */
  similarity_1: number | null;
  similarity_2: number | null;
  /** Percentage (0-100) of the words inside quotation marks or block quotes. */
  citations: number;
  phrase_length: number;
  words_count: number;
  chars_count: number;
  sources: { url: string; title: string; author: string; similar_words: number }[];
}

/** GET /api/v2/users and each entry of users/list. */
export interface UserWire {
  orgUnitName: string | null;
  email: string | null;
  name: string;
  surname: string;
  /** Remaining analyses; null when the user has no limit. */
  testCount: number | null;
}

/** The callback POSTed to `callbackUrl` (JSON, as the PHP client's CallbackWebhook and Chamilo read it). */
export interface CallbackBody {
  id: string;
  documentId: string;
  status: 'completed' | 'error';
  message: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the Plagiat.pl routes word their errors. */
    shape?: ErrorShape;
  }
}
