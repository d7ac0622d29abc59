import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback (smtp-server), no TLS, no auth: every message it accepts is
 * parsed with mailparser and kept, with the raw source.
 */
export interface SmtpInbox {
  url: string;
  mails: ParsedMail[];
  raw: string[];
  /** Makes the server refuse messages (temporary failure) while true. */
  refuse: boolean;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpInbox> {
  const inbox: SmtpInbox = {
    url: '',
    mails: [],
    raw: [],
    refuse: false,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (inbox.mails.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP got ${inbox.mails.length} of ${count} mails`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return inbox.mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (inbox.refuse) return done(Object.assign(new Error('try again later'), { responseCode: 451 }));
        const source = Buffer.concat(chunks);
        simpleParser(source).then((mail) => {
          inbox.raw.push(source.toString('utf8'));
          inbox.mails.push(mail);
          done();
        }, done);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  inbox.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return inbox;
}
