import type { ArgTypes } from '@storybook/web-components-vite';
import type { Messages } from '../../widgets/i18n/messages-en.ts';

/** What every portal element takes (from PortalElement), as story args. */
export interface PortalElementArgs {
  locale?: string;
  messages?: Partial<Messages>;
  'api-base'?: string;
  apiBase?: string;
  tokenProvider?: () => Promise<string>;
  onPortalError?: (event: Event) => void;
}

export const portalElementArgTypes: Partial<ArgTypes<PortalElementArgs>> = {
  // The <portal-provider> that withPortalServer puts around each story connects the element to its fixtures.
  'api-base': { control: false },
  apiBase: { control: false },
  tokenProvider: { control: false },
  locale: { control: 'text' },
  messages: { control: 'object' },
};
