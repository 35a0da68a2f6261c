/**
 * Every error a caller can see carries a stable string code (`INTAKE.TICKET_NOT_FOUND`);
 * messages are for people and may change, codes may not.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string) => new AppError(code, message, 404);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, 409, details);
