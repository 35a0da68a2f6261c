import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicRoute } from '../auth/scopes.js';
import { problemFrom, sendProblem } from '../http/problem.js';
import { withTimeout } from './readiness.js';
import { ReadinessRegistry } from './readiness.registry.js';

@PublicRoute()
@Controller('health')
export class HealthHttpController {
  constructor(private readonly registry: ReadinessRegistry) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready means every dependency this process needs (its database, Kafka, Redis) answers now. */
  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const results = await Promise.all(
      this.registry.all().map(async (c) => {
        try {
          await withTimeout(c.check(), 2000, c.name);
          return { name: c.name, status: 'up' as const };
        } catch (error) {
          return { name: c.name, status: 'down' as const, error: (error as Error).message };
        }
      }),
    );
    const down = results.filter((r) => r.status === 'down');
    if (down.length === 0) {
      res.status(200).json({ status: 'ready', checks: results });
      return;
    }
    sendProblem(
      res,
      problemFrom('HEALTH.NOT_READY', 503, `not ready: ${down.map((d) => d.name).join(', ')}`, { checks: results }),
    );
  }
}
