import type { Response } from 'express';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId?: string;
  instance?: string;
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function problemFrom(code: string, status: number, detail: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://switchboard.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: code,
    status,
    detail,
    code,
    ...extra,
  };
}
