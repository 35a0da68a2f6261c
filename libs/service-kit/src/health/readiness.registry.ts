import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from './readiness.js';

/** Modules that own a dependency (database, Redis, Kafka) register its check here. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): ReadinessCheck[] {
    return [...this.checks];
  }
}
