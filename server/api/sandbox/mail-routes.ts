import express, { type Router } from 'express';
import { listMails, readMail, readRawMail } from '../../notify/mail-folder.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';

/**
 * `/sandbox/mail`: the emails written as `.eml` files when no SMTP_URL is set, for the merchant
 * who asks (Basic auth) — a list (JSON, or a page for a browser), a preview of one email's HTML
 * part, its text part, and the raw message. The preview runs under a CSP that allows no script.
 */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function mailRoutes(options: { authenticate: express.RequestHandler; dataDir: string }): Router {
  const { dataDir } = options;
  const router = express.Router();
  const merchantId = (res: express.Response) => authenticatedMerchant(res).merchantId;

  router.get('/sandbox/mail', options.authenticate, async function listMailbox(req, res) {
    const mails = await listMails(dataDir, merchantId(res));
    if (req.accepts(['json', 'html']) !== 'html') {
      res.json({ mails: mails.map((m) => ({ ...m, preview: `/sandbox/mail/${m.id}`, text: `/sandbox/mail/${m.id}.txt`, raw: `/sandbox/mail/${m.id}.eml` })) });
      return;
    }
    const rows = mails
      .map((m) => `<tr><td>${escapeHtml(m.savedAt)}</td><td>${escapeHtml(m.to)}</td><td><a href="/sandbox/mail/${m.id}">${escapeHtml(m.subject)}</a></td><td><a href="/sandbox/mail/${m.id}.txt">text</a> · <a href="/sandbox/mail/${m.id}.eml">.eml</a></td></tr>`)
      .join('\n');
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Guichet sandbox mail</title><h1>Sandbox mail</h1>
<table style="font-family:sans-serif;font-size:14px"><tr><th>Saved</th><th>To</th><th>Subject</th><th></th></tr>\n${rows}</table>`);
  });

  router.get('/sandbox/mail/:file', options.authenticate, async function previewMail(req, res) {
    const match = /^(.+?)(\.txt|\.eml)?$/.exec(String(req.params.file))!;
    const [, id, kind] = match;
    if (kind === '.eml') {
      const raw = await readRawMail(dataDir, merchantId(res), id!);
      if (!raw) return void res.status(404).json({ error: { status: 404, message: 'no such email' } });
      res.type('message/rfc822').attachment(`${id}.eml`).send(raw);
      return;
    }
    const mail = await readMail(dataDir, merchantId(res), id!);
    if (!mail) return void res.status(404).json({ error: { status: 404, message: 'no such email' } });
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    if (kind === '.txt') res.type('text/plain; charset=utf-8').send(mail.text);
    else res.type('html').send(mail.html);
  });
  return router;
}
