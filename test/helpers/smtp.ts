import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string;
  messageId: string;
  subject: string;
  raw: string;
}

/** A real SMTP server (smtp-server) on loopback that records every message it accepts. */
export class MailCatcher {
  received: CaughtMail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  /** Listens on `port` (0: a free one; give the old port to come back after an outage). */
  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          raw += chunk;
        });
        stream.on('end', () => {
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
            subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1] ?? '',
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}
