import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Clock } from '../core/clock.js';
import { mailFolder, type StoredMailMeta } from './mail-folder.js';

/**
 * Where emails go, chosen once at start-up (STYLE.md "Notify"): SMTP when SMTP_URL is set,
 * otherwise `.eml` files in the data folder (one folder per merchant), which /sandbox/mail lists
 * and previews. Both take the same message and answer the server's reply.
 */
export interface OutgoingMail {
  merchantId: string;
  /** Stable across retries, so a mailbox can tell a resend from a new message. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailTransport {
  readonly name: 'smtp' | 'eml';
  /** Resolves with the server's reply (`250 …`, or the file written); rejects when not accepted. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export function createMailTransport(options: { smtpUrl?: string; dataDir: string; clock: Clock }): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl) : emlTransport(options.dataDir, options.clock);
}

function message(mail: OutgoingMail) {
  return { messageId: mail.messageId, from: mail.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: { 'X-Guichet-Merchant': mail.merchantId } };
}

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      return String(info.response ?? '');
    },
    close: () => transporter.close(),
  };
}

function emlTransport(dataDir: string, clock: Clock): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: 'eml',
    async send(mail) {
      const info = await composer.sendMail(message(mail));
      const folder = mailFolder(dataDir, mail.merchantId);
      await mkdir(folder, { recursive: true });
      const savedAt = new Date(clock.now()).toISOString();
      const id = `${savedAt.replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
      const meta: StoredMailMeta = { id, from: mail.from, to: mail.to, subject: mail.subject, savedAt };
      await writeFile(join(folder, `${id}.eml`), info.message as Buffer);
      await writeFile(join(folder, `${id}.json`), JSON.stringify({ ...meta, html: mail.html, text: mail.text }));
      return `saved ${id}.eml`;
    },
    close: () => composer.close(),
  };
}
