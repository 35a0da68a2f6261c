import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import { environmentFromText } from '../channels/environment.js';
import type { IntakeConfig } from '../config.js';
import type { RedactionCounts } from '../redaction/redactor.js';
import { TicketRepository } from '../tickets/ticket.repository.js';
import { isUuid, ticketOrFail } from '../tickets/ticket-guards.js';
import { type BundleFormat, extractBundle } from './bundle-extractor.js';
import { redactBundle } from './bundle-redaction.js';

export interface BundleReceipt {
  bundleId: string;
  ticketId: string;
  filename: string;
  format: BundleFormat;
  sizeBytes: number;
  sha256: string;
  /** What was removed, per kind, over the whole bundle… */
  redactions: RedactionCounts;
  /** …and per file. Binary files are kept as name and size only. */
  files: { path: string; sizeBytes: number; skipped: 'binary' | null; redactions: RedactionCounts }[];
}

/**
 * A support bundle is unpacked and redacted in memory; only the redacted text reaches the
 * database, in one transaction with the timeline line, or nothing does.
 */
@Injectable()
export class UploadBundleUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async execute(ticketId: string, filename: string, data: Buffer): Promise<BundleReceipt> {
    ticketOrFail(isUuid(ticketId) ? await this.tickets.findById(ticketId) : null, ticketId);
    const { format, files } = await extractBundle(data, this.config.bundles);
    const { files: redacted, totals } = redactBundle(files);
    const receipt: BundleReceipt = {
      bundleId: randomUUID(),
      ticketId,
      filename,
      format,
      sizeBytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      redactions: totals,
      files: redacted.map((f) => ({ path: f.path, sizeBytes: f.size, skipped: f.skipped, redactions: f.redactions })),
    };
    // A bundle usually carries the diagnostics output: it fills the ticket's environment when the inquiry had none.
    const environment = redacted.map((f) => (f.content ? environmentFromText(f.content) : undefined)).find(Boolean);
    await this.tickets.transaction(async (manager) => {
      const ticket = ticketOrFail(await this.tickets.lockById(manager, ticketId), ticketId);
      if (environment && !ticket.environment) await this.tickets.saveEnvironment(manager, ticketId, environment);
      const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
      await manager.query(
        `INSERT INTO "${schema}".support_bundles (id, ticket_id, filename, format, size_bytes, sha256, redactions)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [receipt.bundleId, ticketId, filename, format, receipt.sizeBytes, receipt.sha256, JSON.stringify(totals)],
      );
      for (const file of redacted) {
        await manager.query(
          `INSERT INTO "${schema}".support_bundle_files (bundle_id, path, size_bytes, content, skipped, redactions)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [receipt.bundleId, file.path, file.size, file.content, file.skipped, JSON.stringify(file.redactions)],
        );
      }
      await this.tickets.appendTimeline(
        manager,
        ticketId,
        {
          type: 'bundle_uploaded',
          at: new Date().toISOString(),
          data: {
            bundleId: receipt.bundleId,
            filename,
            format,
            files: redacted.length,
            redactions: totals,
            environmentFound: environment !== undefined,
          },
        },
        null,
      );
    });
    return receipt;
  }
}
