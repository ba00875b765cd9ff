/** The portal elements' token provider: the product's backend mints a short-lived token for the signed-in user. */
export async function fetchPortalToken(): Promise<string> {
  const response = await fetch('/api/portal-token', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) {
    // The product session ended (signed out in another tab, or expired): sign in again, then come back here.
    location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
  }
  if (!response.ok) throw new Error(`The product could not issue a portal token (${response.status}).`);
  const { token } = (await response.json()) as { token: string };
  return token;
}
