import {
  PortalAccess,
  PortalCustomerInfo,
  PortalInvoices,
  PortalLockoutGate,
  PortalPayBalance,
  PortalPaymentMethods,
  PortalProvider,
  PortalSubscriptions,
  PortalTransactions,
} from './elements.ts';
import { defineElement } from './define.ts';

export * from './elements.ts';
export { PortalApiError, type PortalApiErrorInit, type PortalErrorKind } from './client/portal-api-error.ts';
export {
  type DownloadedFile,
  PortalClient,
  type PortalClientOptions,
  type ReadOptions,
  type Versioned,
  type WriteOptions,
} from './client/portal-client.ts';
export { PortalAccessChangedEvent } from './events/portal-access-changed-event.ts';
export { PortalChangeRequestedEvent } from './events/portal-change-requested-event.ts';
export { PortalDefaultChangedEvent } from './events/portal-default-changed-event.ts';
export { PortalDocumentSentEvent } from './events/portal-document-sent-event.ts';
export { PortalErrorEvent } from './events/portal-error-event.ts';
export { PortalExportReadyEvent } from './events/portal-export-ready-event.ts';
export { PortalPaymentFailedEvent } from './events/portal-payment-failed-event.ts';
export { PortalPaymentMethodAddedEvent } from './events/portal-payment-method-added-event.ts';
export { PortalPaymentMethodRemovedEvent } from './events/portal-payment-method-removed-event.ts';
export { PortalPaymentSucceededEvent } from './events/portal-payment-succeeded-event.ts';
export { PortalSavedEvent } from './events/portal-saved-event.ts';
export { PortalStandingChangeEvent } from './events/portal-standing-change-event.ts';
export { loadCatalogue } from './i18n/catalogues.ts';
export type { MessageKey, Messages } from './i18n/messages-en.ts';
export type { BankAccountDetails, CardDetails, PaymentDetails, Tokenizer } from './payment-methods/payment-details.ts';

defineElement('portal-provider', PortalProvider);
PortalAccess.define();
PortalCustomerInfo.define();
PortalInvoices.define();
PortalLockoutGate.define();
PortalPayBalance.define();
PortalPaymentMethods.define();
PortalSubscriptions.define();
PortalTransactions.define();

declare global {
  interface HTMLElementTagNameMap {
    'portal-provider': PortalProvider;
  }
}
