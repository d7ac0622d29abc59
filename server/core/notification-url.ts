/**
 * Which URLs the gateway calls back (a notificationURL, a webhook endpoint): absolute http or
 * https, a host, no credentials and no fragment. Checked when configured, so a bad one is refused
 * with a clear reason instead of failing at every delivery. Returns the reason, or undefined.
 */
export function notificationUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (!url.hostname) return 'has no host';
  if (url.username || url.password) return 'must not carry credentials (user:password@)';
  if (url.hash) return 'must not have a #fragment';
  if (value.length > 1000) return 'is longer than 1000 characters';
  return undefined;
}
