import { html } from 'hono/html';

/** Settings → Customer Portal: every portal element, on the product's own page. */
export const customerPortalPage = (portalUrl: string) =>
  html`<p class="breadcrumb">Settings</p>
    <h1>Customer Portal</h1>
    <p class="lead">Your company information, subscriptions, payment methods, invoices and transactions with us.</p>
    <portal-provider api-base="${portalUrl}" locale="en-US">
      <div class="portal-grid">
        <portal-customer-info></portal-customer-info>
        <portal-subscriptions></portal-subscriptions>
        <portal-payment-methods></portal-payment-methods>
        <portal-access></portal-access>
      </div>
      <portal-invoices></portal-invoices>
      <portal-transactions></portal-transactions>
    </portal-provider>`;
