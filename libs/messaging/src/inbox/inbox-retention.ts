import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';

export const INBOX_PURGE_INTERVAL_MS = 3_600_000;

/**
 * The inbox only has to remember event ids for as long as Kafka could deliver them again;
 * older rows are deleted in small batches so the table stays the size of the retention window.
 */
@Injectable()
export class InboxRetention {
  private readonly logger = new Logger(InboxRetention.name);

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {}

  async purge(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.inboxRetentionDays * 86_400_000);
    let total = 0;
    try {
      for (;;) {
        const [, deleted] = await this.dataSource.query(
          `DELETE FROM "${this.options.schema}".inbox WHERE ctid IN (
             SELECT ctid FROM "${this.options.schema}".inbox WHERE processed_at < $1 LIMIT 5000)`,
          [cutoff],
        );
        total += deleted;
        if (deleted < 5000) return total;
      }
    } catch (error) {
      this.logger.warn(`inbox purge failed: ${(error as Error).message}`);
      return total;
    }
  }
}
