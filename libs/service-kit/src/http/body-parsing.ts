import express, { type NextFunction, type Request, type Response } from 'express';
import { correlationIdOf } from './correlation.js';
import { problemFrom, sendProblem } from './problem.js';

export const MAX_BODY_BYTES = 256 * 1024;

/** JSON bodies up to 256 KB; parser failures become problem+json instead of Express's HTML page. */
export const jsonBodyParser = express.json({
  limit: MAX_BODY_BYTES,
  type: ['application/json', 'application/*+json'],
});

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

export function bodyParserErrorHandler(error: BodyParserError, req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdOf(req);
  const instance = req.originalUrl;
  if (error.type === 'entity.too.large') {
    sendProblem(
      res,
      problemFrom('REQUEST.BODY_TOO_LARGE', 413, `request body exceeds ${error.limit ?? MAX_BODY_BYTES} bytes`, {
        correlationId,
        instance,
      }),
    );
  } else if (error.type === 'entity.parse.failed') {
    sendProblem(res, problemFrom('REQUEST.MALFORMED_JSON', 400, 'request body is not valid JSON', { correlationId, instance }));
  } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    sendProblem(res, problemFrom('REQUEST.UNSUPPORTED_ENCODING', 415, error.message, { correlationId, instance }));
  } else if (error.status && error.status < 500) {
    sendProblem(res, problemFrom('REQUEST.BAD_REQUEST', error.status, error.message, { correlationId, instance }));
  } else {
    next(error);
  }
}
