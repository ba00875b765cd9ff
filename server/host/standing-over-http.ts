import { problemType } from '../../contract/problem.ts';
import { AccountStanding } from '../../contract/standing.ts';
import type { StandingReader } from './standing-reader.ts';
import { StandingUnavailableError } from './standing-unavailable.ts';

export interface PortalApiSource {
  /** The portal server's base URL, a path prefix allowed: https://billing.example.com or https://example.com/billing. */
  portalUrl: string | URL;
  /** The portal's PORTAL_ADMIN_API_KEY. Keep it on the host's server; it never goes to a browser. */
  adminApiKey: string;
  /** Give up on the portal after this long; default 2000 ms. A guarded request waits this long at most. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 2000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function standingOverHttp({ portalUrl, adminApiKey, timeoutMs = defaultTimeoutMs }: PortalApiSource): StandingReader {
  const base = new URL(String(portalUrl));
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const portal = `The Customer Portal at ${base.href}`;
  return {
    async getStanding(customerId) {
      const url = new URL(`admin/v1/customers/${encodeURIComponent(customerId)}/standing`, base);
      try {
        const response = await fetch(url, {
          headers: { Authorization: `Bearer ${adminApiKey}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = parseJson(await response.text());
        // The portal's own "no such account"; any other 404 means the URL does not lead to the portal.
        if (response.status === 404 && (body as { type?: unknown } | undefined)?.type === problemType('not-found')) return null;
        if (response.status === 401) throw new StandingUnavailableError(`${portal} refused the admin API key (401): check adminApiKey.`);
        if (response.status >= 500) throw new StandingUnavailableError(`${portal} answered ${response.status}.`);
        const standing = response.ok ? AccountStanding.safeParse(body) : undefined;
        if (!standing?.success) {
          throw new StandingUnavailableError(
            `${portal} answered ${response.status} to ${url.pathname} without a standing: is portalUrl the portal server's base URL?`,
          );
        }
        return standing.data;
      } catch (error) {
        if (error instanceof StandingUnavailableError) throw error;
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `did not answer within ${timeoutMs} ms`
            : `cannot be reached (${String((error as Error).cause ?? error)})`;
        throw new StandingUnavailableError(`${portal} ${reason}.`, { cause: error });
      }
    },
  };
}
