/**
 * Where the shopper goes once a 3-D Secure challenge of the web flow is over
 * (docs/WIDGET-PROTOCOL.md): `origin`, the merchant page framing the challenge, is told by
 * postMessage; `returnURL` is where the top window goes back to; with neither, the gateway's
 * hosted payment page. It rides in the TermUrl the ACS posts PaRes to, set by the gateway
 * (checked again when the shopper comes back: it went through the browser).
 */
export type ChallengeReturn = { origin: string } | { returnURL: string } | Record<string, never>;

/** The TermUrl of a web payment's challenge: `/widget/sessions/{token}/3ds-return?origin=…|returnURL=…`. */
export function termUrlFor(publicUrl: string, token: string, to: ChallengeReturn): string {
  const query = new URLSearchParams(to as Record<string, string>).toString();
  return `${publicUrl}/widget/sessions/${token}/3ds-return${query ? `?${query}` : ''}`;
}
