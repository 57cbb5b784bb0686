/**
 * The one error catalogue. Every error a client can see has a stable code, an HTTP status and a
 * default message; services throw AppError with a code, the API renders
 * `{"error": {"code", "message", "details"?}}` with the status from this table.
 */
export const ERROR_CATALOGUE = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  bad_request: { status: 400, message: 'The request is malformed.' },
  unauthorized: { status: 401, message: 'Missing or invalid credentials.' },
  forbidden: { status: 403, message: 'Your role does not allow this action.' },
  not_found: { status: 404, message: 'The resource does not exist.' },
  route_not_found: { status: 404, message: 'No such endpoint.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed on this endpoint.' },
  conflict: { status: 409, message: 'The resource conflicts with an existing one.' },
  payload_too_large: { status: 413, message: 'The request body is larger than the configured limit.' },
  unsupported_media_type: { status: 415, message: 'The request content type is not supported.' },
  validation_failed: { status: 422, message: 'The request failed validation.' },
  unsupported_document: { status: 422, message: 'The document type is not supported.' },
  not_ready: { status: 409, message: 'The document has not finished processing.' },
  rate_limited: { status: 429, message: 'Too many requests.' },
  internal_error: { status: 500, message: 'An unexpected error occurred.' },
  unavailable: { status: 503, message: 'The service is not available right now.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
export const invalid = (message: string, details?: unknown) => new AppError('validation_failed', message, details);
export const forbidden = (message?: string) => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
