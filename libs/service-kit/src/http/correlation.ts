import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-correlation-id';
const KEY = Symbol('correlationId');

type WithCorrelation = Request & { [KEY]?: string };

/** Accepts a caller's correlation id (so their traces join ours) or mints one, and echoes it back. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(HEADER);
  const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  (req as WithCorrelation)[KEY] = id;
  res.setHeader(HEADER, id);
  next();
}

export function correlationIdOf(req: Request): string {
  return (req as WithCorrelation)[KEY] ?? randomUUID();
}
