/**
 * `value` when it is a path on this site, otherwise `fallback`: a redirect after sign-in must never
 * lead to another site (`//evil.test`, `/\evil.test` and absolute URLs are refused).
 */
export function localPath(value: unknown, fallback = '/home'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
