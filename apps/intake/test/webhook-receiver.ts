import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '@switchboard/contracts';

export interface ReceivedDelivery {
  eventId: string;
  eventType: string;
  ticketId: string;
  replay: boolean;
  signatureValid: boolean;
  signature: string;
  raw: string;
  body: { id: string; type: string; subject: string; time: string; data: { ticketId?: string } };
}

/**
 * An integrator's endpoint as a test controls it: answering 2xx, answering 500, or not listening
 * at all. It verifies every signature and keeps each request, so duplicates stay visible.
 */
export class WebhookReceiver {
  readonly requests: ReceivedDelivery[] = [];
  mode: 'ok' | 'fail' = 'ok';
  secret = '';
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/switchboard`;
  }

  async open(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
  }

  /** Stops listening and cuts open connections: senders see connection refused or reset. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /** First arrival of each event id, in arrival order: what a deduplicating receiver processes. */
  distinct(filter: (d: ReceivedDelivery) => boolean = () => true): ReceivedDelivery[] {
    const seen = new Set<string>();
    return this.requests.filter((d) => filter(d) && !seen.has(d.eventId) && seen.add(d.eventId));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (this.mode === 'fail') {
      res.writeHead(500).end('unavailable');
      return;
    }
    const header = (name: string) => req.headers[name] as string | undefined;
    const verification = verifyWebhookSignature({ body: raw, header: header(WEBHOOK_HEADERS.signature), secret: this.secret });
    const body = JSON.parse(raw) as ReceivedDelivery['body'];
    this.requests.push({
      eventId: header(WEBHOOK_HEADERS.eventId) ?? '',
      eventType: header(WEBHOOK_HEADERS.eventType) ?? '',
      ticketId: body.data.ticketId ?? '',
      replay: header(WEBHOOK_HEADERS.replay) === 'true',
      signatureValid: verification.ok,
      signature: header(WEBHOOK_HEADERS.signature) ?? '',
      raw,
      body,
    });
    res.writeHead(verification.ok ? 204 : 400).end();
  }
}
