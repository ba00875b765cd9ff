// customer-portal/elements registers nothing: the partner names each element itself.
import { defineElement, PortalCustomerInfo, PortalInvoices, PortalProvider, PortalSubscriptions } from './vendor/elements.js';

defineElement('acme-provider', PortalProvider);
PortalCustomerInfo.define('acme-customer-info');
PortalSubscriptions.define('acme-subscriptions');
PortalInvoices.define('acme-invoices');

document.querySelector('acme-provider').tokenProvider = async () => {
  const response = await fetch('/api/portal-token');
  return (await response.json()).token;
};
document.addEventListener('portal-saved', () => {
  document.querySelector('#standing').textContent = 'Your changes were saved.';
});
