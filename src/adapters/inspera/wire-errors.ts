import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../services/errors.js';

/** An error in Inspera's own shape: the HTTP status the documentation names and `{"message": …}`. */
export class InsperaError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the adapter takes for an email address (user, token and submission `email`). */
export const EMAIL_FORMAT = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The exact strings of the Inspera documentation (and the Moodle plugin, which shows `message`). */
export const MESSAGES = {
  invalidClient: 'The clientId is invalid',
  requiredFields: 'Required fields were invalid',
  requiredFieldsSubmission: 'The required fields are invalid',
  tokenExpired: 'Token has expired',
  unauthorized: 'Not authorized to take action',
  maxSubmissions: 'Maximum of submissions has been reached',
  titleLength: 'Document title has less than 5 characters or more than 190 characters',
  wordMinimum: 'Document word count is less than the allowed minimum',
  invalidStructure: 'Document structure is invalid',
  submissionNotFound: 'Submission not found',
  badRequest: 'Bad request',
  userNotFound: 'User not found',
  invalidEmail: 'Invalid email format',
  invalidCredentials: 'Invalid credentials',
  nameRule:
    'Validation error: The first name must consist of only letters and be at least three characters long, while the last name must contain only letters and at least three characters long.',
  emailRule: 'Validation error: Invalid email format, email already exists.',
  emailTaken: 'Server error, email already registered',
  courseNotFound: 'Course not found',
  serverError: 'Server error',
  notFound: 'Not found',
  ipNotAllowed: 'Requests with this client are not allowed from your IP address',
  tooManyAttempts: 'Too many failed attempts, try again later',
} as const;

/** Renders any error thrown in the Inspera scope as `{"message": …}` with a status the vendor uses. */
export function sendInsperaError(req: FastifyRequest, reply: FastifyReply, err: unknown): void {
  let status = 500;
  let message: string = MESSAGES.serverError;
  if (err instanceof InsperaError) {
    status = err.status;
    message = err.message;
  } else if (err instanceof AppError) {
    // Service errors that reach the wire: keep the status family, in Inspera's body shape.
    status = err.status === 422 ? 400 : err.status;
    message = err.message;
  } else if (err && typeof err === 'object' && 'statusCode' in err && typeof (err as { statusCode: unknown }).statusCode === 'number') {
    // Framework errors (body too large, unparseable request line).
    status = (err as { statusCode: number }).statusCode;
    message = status === 413 ? 'The file is larger than the configured limit' : MESSAGES.badRequest;
  } else {
    req.log.error({ err }, 'inspera adapter error');
  }
  void reply.code(status).header('content-type', 'application/json; charset=utf-8').send({ message });
}
