import type { TestGateway } from './gateway-harness.js';

/**
 * What a shopper's browser does around the simulated ACS, over real HTTP: follow the gateway's
 * form on to the ACS, press a button there, then post the return form (PaRes, MD) to its
 * TermUrl, as the pages' scripts would.
 */
export interface PostedForm {
  action: string;
  fields: Record<string, string>;
}

/** Decodes the few entities the gateway's html template writes. */
export function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

/** The target and hidden fields of the form `id` on a page. */
export function formOf(page: string, id: string): PostedForm {
  const form = new RegExp(`<form id="${id}" method="post" action="([^"]*)">([\\s\\S]*?)</form>`).exec(page);
  if (!form) throw new Error(`no form ${id} in:\n${page}`);
  const fields = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescapeHtml(m[2]!)]));
  return { action: unescapeHtml(form[1]!), fields };
}

/** The `<form id="pares-form">` of an ACS return page. */
export function returnForm(page: string): PostedForm {
  return formOf(page, 'pares-form');
}

/**
 * Opens a web payment's challenge as the widget does (the pay answer's URL, with `?origin=` or
 * `?returnURL=`), then follows the gateway's form on to the ACS. Answers the ACS's URL.
 */
export async function openChallenge(url: string, query: Record<string, string> = {}): Promise<string> {
  const start = new URL(url);
  for (const [k, v] of Object.entries(query)) start.searchParams.set(k, v);
  const response = await fetch(start);
  if (response.status !== 200) throw new Error(`challenge start: HTTP ${response.status} ${await response.text()}`);
  const form = formOf(await response.text(), 'guichet-challenge-form');
  const acs = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields) });
  if (acs.status !== 200) throw new Error(`ACS: HTTP ${acs.status}`);
  return form.action;
}

/** Presses a button on the ACS page at `acsUrl`; answers the ACS's return page. */
export async function answerChallenge(gw: TestGateway, acsUrl: string, answer: 'authenticate' | 'cancel'): Promise<Response> {
  return gw.fetch(`${new URL(acsUrl).pathname}/answer`, { method: 'POST', body: new URLSearchParams({ answer }) });
}

/** Answers the challenge, then posts PaRes and MD to the TermUrl: the gateway's (or merchant's) answer. */
export async function completeChallenge(gw: TestGateway, acsUrl: string, answer: 'authenticate' | 'cancel'): Promise<{ form: PostedForm; response: Response }> {
  const form = returnForm(await (await answerChallenge(gw, acsUrl, answer)).text());
  const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields), redirect: 'manual' });
  return { form, response };
}
