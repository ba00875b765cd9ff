// customer-portal/elements registers nothing: the partner names each element itself.
import {
  defineElement,
  PortalCustomerInfo,
  PortalInvoices,
  PortalLockoutGate,
  PortalPaymentMethods,
  PortalProvider,
  PortalSubscriptions,
} from './vendor/elements.js';

defineElement('acme-provider', PortalProvider);
PortalCustomerInfo.define('acme-customer-info');
PortalSubscriptions.define('acme-subscriptions');
PortalInvoices.define('acme-invoices');
// Elements that show others inside take those elements' names too.
PortalPaymentMethods.define('acme-payment-methods', customElements, { payBalanceTag: 'acme-pay-balance' });
PortalLockoutGate.define('acme-lockout-gate', customElements, { paymentMethodsTag: 'acme-payment-methods', payBalanceTag: 'acme-pay-balance' });

const provider = document.querySelector('acme-provider');
provider.tokenProvider = async () => {
  const response = await fetch('/api/portal-token');
  return (await response.json()).token;
};
// The partner's wording, by message key (widgets/i18n/messages-en.ts lists them all).
provider.messages = { 'customerInfo.title': 'Company details', 'invoices.title': 'Invoices' };
document.addEventListener('portal-saved', () => {
  document.querySelector('#standing').textContent = 'Your changes were saved.';
});
