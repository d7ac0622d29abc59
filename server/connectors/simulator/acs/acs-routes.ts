import express, { type Request, type Response, type Router } from 'express';
import { fromAcceptLanguage, toLanguage } from '../../../core/language.js';
import { newNonce, originOf, sendPage, sendScript } from '../../../http/page-security.js';
import { ChallengeAnswer } from './acs-outcome.js';
import { acsTexts, type AcsTexts } from './acs-texts.js';
import { ACS_SCRIPT, challengePage, returnPage, unknownPage } from './challenge-page.js';
import type { SimulatorAcs } from './simulator-acs.js';

/**
 * The simulated bank's web pages, served by the gateway (DESIGN.md "The simulator"):
 * - `GET /acs/challenge/{id}`: the challenge (the widget's iframe, or a full-page redirect);
 * - `POST /acs/challenge/{id}`: the same, entered 3-D Secure 1 style by a merchant's form
 *   (PaReq, TermUrl, MD), for the direct flow;
 * - `POST /acs/challenge/{id}/answer`: the shopper's answer, then PaRes and MD go to the TermUrl.
 * The page's language: `?lang=`, else the payment's, else Accept-Language, else English.
 */
const ID = /^[0-9a-f]{32}$/;
const readForm = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 });

export function acsRoutes(acs: SimulatorAcs): Router {
  const router = express.Router();

  function textsFor(req: Request, language?: string): AcsTexts {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    return acsTexts(toLanguage(asked) ?? toLanguage(language) ?? fromAcceptLanguage(req.get('accept-language')));
  }

  /** The challenge page; 404 when there is none by that id. */
  function showChallenge(req: Request, res: Response): void {
    const id = String(req.params.id);
    const view = ID.test(id) ? acs.challenge(id) : undefined;
    const texts = textsFor(req, view?.language);
    const nonce = newNonce();
    const csp = { 'style-src': [`'nonce-${nonce}'`], 'form-action': ["'self'"] };
    if (!view) return sendPage(res, unknownPage(texts, nonce), csp, 'no-store', 404);
    sendPage(res, challengePage(view, texts, nonce), csp);
  }

  router.get('/acs/acs.js', (_req, res) => sendScript(res, ACS_SCRIPT));

  router.get('/acs/challenge/:id', showChallenge);

  router.post('/acs/challenge/:id', readForm, function enterChallenge(req, res) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const termUrl = typeof body.TermUrl === 'string' && body.TermUrl !== '' ? body.TermUrl : undefined;
    const md = typeof body.MD === 'string' && body.MD !== '' ? body.MD : undefined;
    if ((termUrl !== undefined && !originOf(termUrl)) || (md !== undefined && md.length > 1024)) {
      res.status(400).type('text/plain').send('TermUrl must be an http or https URL and MD at most 1024 characters');
      return;
    }
    const id = String(req.params.id);
    if (ID.test(id)) acs.enter(id, termUrl, md);
    showChallenge(req, res);
  });

  router.post('/acs/challenge/:id/answer', readForm, function answerChallenge(req, res) {
    const id = String(req.params.id);
    const answer = (req.body as Record<string, unknown> | undefined)?.answer;
    if (answer !== ChallengeAnswer.AUTHENTICATE && answer !== ChallengeAnswer.CANCEL) {
      res.status(400).type('text/plain').send(`answer must be ${ChallengeAnswer.AUTHENTICATE} or ${ChallengeAnswer.CANCEL}`);
      return;
    }
    const auth = ID.test(id) ? acs.answer(id, answer) : undefined;
    const texts = textsFor(req, auth ? acs.challenge(id)?.language : undefined);
    const nonce = newNonce();
    if (!auth?.pares) return sendPage(res, unknownPage(texts, nonce), { 'style-src': [`'nonce-${nonce}'`] }, 'no-store', 404);
    const termOrigin = auth.termUrl ? originOf(auth.termUrl) : undefined;
    sendPage(res, returnPage({ ...auth, pares: auth.pares }, texts, nonce), {
      'style-src': [`'nonce-${nonce}'`],
      'script-src': [`'nonce-${nonce}'`],
      'form-action': ["'self'", ...(termOrigin ? [termOrigin] : [])],
    });
  });

  return router;
}
