import { html } from 'hono/html';
import type { PortalPermission } from '../portal-permission.ts';

const intro = html`<p class="breadcrumb">Settings</p>
  <h1>Customer Portal</h1>`;

/** Settings → Customer Portal: every portal element, on the product's own page. */
export const customerPortalPage = (portalUrl: string) =>
  html`${intro}
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

/** For a user without Customer Portal View: one notice naming who can grant it, instead of the elements. */
export const noPortalAccessPage = ({ siteAdmin }: PortalPermission) =>
  html`${intro}
    <section class="card notice" aria-labelledby="no-access-title">
      <h2 id="no-access-title">You do not have the Customer Portal View permission</h2>
      <p>
        The Customer Portal shows your company’s information, subscriptions, payment methods, invoices and transactions to
        the people who hold this permission.
        ${siteAdmin?.name || siteAdmin?.email
          ? html`Ask your Site Admin, ${siteAdmin.name ?? ''}
              ${siteAdmin.email ? html`(<a href="mailto:${siteAdmin.email}">${siteAdmin.email}</a>)` : ''}, to grant it.`
          : html`Ask your Site Admin to grant it.`}
      </p>
    </section>`;
