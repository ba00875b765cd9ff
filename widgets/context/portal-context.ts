import { createContext } from '@lit/context';
import type { PortalClient } from '../client/portal-client.ts';
import type { Messages } from '../i18n/messages-en.ts';

/** What <portal-provider> hands to every portal element inside it. */
export interface PortalContextValue {
  client: PortalClient | undefined;
  locale: string | undefined;
  messages: Partial<Messages>;
}

export const portalContext = createContext<PortalContextValue>(Symbol('customer-portal'));
