import type { TokenSigner } from './token-signer.ts';
import type { HostUser } from './user-directory.ts';

export interface PortalPermission {
  hasPortalAccess: boolean;
  /** Who can grant it. */
  siteAdmin: { name: string | null; email: string | null } | null;
}

interface MeAnswer {
  hasPortalAccess: boolean;
}

interface StandingAnswer {
  contact: { siteAdmin: PortalPermission['siteAdmin'] };
}

/**
 * Asks the portal, as the signed-in user, whether they hold Customer Portal View (and who their
 * Site Admin is), so the Customer Portal page can say so once instead of every element failing.
 * Undefined when the portal cannot answer: the elements then show what is wrong themselves.
 */
export function portalPermissionReader({ portalUrl, tokens }: { portalUrl: string; tokens: TokenSigner }) {
  return async (user: HostUser): Promise<PortalPermission | undefined> => {
    const token = await tokens.mint(user);
    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(new URL(path, portalUrl), {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(2000),
      });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return (await response.json()) as T;
    };
    try {
      const [me, standing] = await Promise.all([get<MeAnswer>('/v1/me'), get<StandingAnswer>('/v1/standing')]);
      return { hasPortalAccess: me.hasPortalAccess, siteAdmin: standing.contact.siteAdmin };
    } catch (error) {
      console.error(`demo host: could not ask the portal about ${user.id}'s permission: ${String(error)}`);
      return undefined;
    }
  };
}
