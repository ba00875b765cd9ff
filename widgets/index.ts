import { PortalAccess, PortalCustomerInfo, PortalProvider, PortalSubscriptions } from './elements.ts';
import { defineElement } from './define.ts';

export * from './elements.ts';
export { defineElement } from './define.ts';
export { PortalApiError, type PortalApiErrorInit, type PortalErrorKind } from './client/portal-api-error.ts';
export { PortalClient, type PortalClientOptions, type ReadOptions, type Versioned, type WriteOptions } from './client/portal-client.ts';
export { PortalAccessChangedEvent } from './events/portal-access-changed-event.ts';
export { PortalChangeRequestedEvent } from './events/portal-change-requested-event.ts';
export { PortalErrorEvent } from './events/portal-error-event.ts';
export { PortalSavedEvent } from './events/portal-saved-event.ts';
export type { MessageKey, Messages } from './i18n/messages-en.ts';

defineElement('portal-provider', PortalProvider);
PortalAccess.define();
PortalCustomerInfo.define();
PortalSubscriptions.define();

declare global {
  interface HTMLElementTagNameMap {
    'portal-provider': PortalProvider;
  }
}
