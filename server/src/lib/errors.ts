/** Error codes of the API's error body `{ error, message, details? }` (API.md). */
export const ErrorCode = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  staleVersion: 'stale_version',
  invalidState: 'invalid_state',
  tooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  tooManyRequests: 'too_many_requests',
  insufficientStorage: 'insufficient_storage',
  unavailable: 'service_unavailable',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDetail { field?: string; row?: number; message: string }

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: AppError['details']) =>
  new AppError(400, ErrorCode.validation, message, details);
export const forbidden = (message = 'Your role may not do this.') => new AppError(403, ErrorCode.forbidden, message);
export const notFound = (what = 'record') => new AppError(404, ErrorCode.notFound, `No such ${what}, or it is outside what you may see.`);
export const conflict = (message: string, code: ErrorCode = ErrorCode.conflict) => new AppError(409, code, message);
export const unauthenticated = (message = 'Sign in first.') => new AppError(401, ErrorCode.unauthenticated, message);
