// The element classes without registering any tag: for partners who register their own names.
export { defineElement } from './define.ts';
export { PortalAccess } from './access/portal-access.ts';
export { PortalCustomerInfo } from './customer-info/portal-customer-info.ts';
export { PortalInvoices } from './invoices/portal-invoices.ts';
export { PortalLockoutGate } from './lockout-gate/portal-lockout-gate.ts';
export { PortalPayBalance } from './pay-balance/portal-pay-balance.ts';
export { PortalPaymentMethods } from './payment-methods/portal-payment-methods.ts';
export { PortalProvider } from './provider/portal-provider.ts';
export { PortalSubscriptions } from './subscriptions/portal-subscriptions.ts';
export { PortalTransactions } from './transactions/portal-transactions.ts';
