import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { paidInvoice, pastDueInvoice } from './fixtures/invoice-detail.ts';
import { acmeInvoices, noInvoices } from './fixtures/invoice-list.ts';
import { tooManySends } from './fixtures/problem.ts';
import { hang, refuse, unreachable } from './support/answers.ts';
import { invoicesResource } from './support/history-resource.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface InvoicesArgs extends PortalElementArgs {
  pageSize?: number;
  onPortalDocumentSent?: (event: Event) => void;
  onPortalExportReady?: (event: Event) => void;
}

const meta: Meta<InvoicesArgs> = {
  title: 'portal-invoices',
  component: 'portal-invoices',
  render: (args) => html`<portal-invoices
    locale=${ifDefined(args.locale)}
    page-size=${ifDefined(args.pageSize)}
    .messages=${args.messages}
    @portal-document-sent=${args.onPortalDocumentSent}
    @portal-export-ready=${args.onPortalExportReady}
    @portal-error=${args.onPortalError}
  ></portal-invoices>`,
  argTypes: portalElementArgTypes,
  args: { pageSize: 10 },
};
export default meta;

type Story = StoryObj<InvoicesArgs>;

const ready = invoicesResource(acmeInvoices, [paidInvoice, pastDueInvoice]);
const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-invoices')!;

/** Sets a filter field as a user does: a new value, then the change event that asks the server again. */
async function filter(canvasElement: HTMLElement, name: string, value: string): Promise<void> {
  const field = await inShadow<HTMLInputElement>(elementIn(canvasElement), `[name="${name}"]`);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

async function openResend(canvasElement: HTMLElement, number: string): Promise<HTMLElement> {
  const element = elementIn(canvasElement);
  await inShadow(element, '[part="row"]');
  const row = [...element.shadowRoot!.querySelectorAll('[part="row"]')].find((candidate) => candidate.querySelector('th')!.textContent!.includes(number))!;
  await userEvent.click(row.querySelector<HTMLButtonElement>('.actions button:last-child')!);
  return inShadow(element, 'dialog[open]');
}

/** Everything the server would do: filters, Load more, details, PDF, resend, export (the files are stand-ins). */
export const Playground: Story = {
  parameters: { portalServer: ready },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/invoices': hang } },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/invoices': unreachable } },
};

export const Empty: Story = {
  name: 'States: Empty',
  parameters: { portalServer: invoicesResource(noInvoices) },
};

/** Newest first, ten at a time: open, past due, paid and void, each status in words as well as colour. */
export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: ready },
};

/** No invoice number contains the search: the list says so and offers to clear the filters. */
export const NoMatches: Story = {
  name: 'States: No matches for the filters',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    await inShadow(elementIn(canvasElement), '[part="row"]');
    await filter(canvasElement, 'q', 'INV-9');
    await expect(await inShadow(elementIn(canvasElement), '[part="empty"]')).toHaveTextContent('Nothing matches these filters.');
  },
};

/** A date range that ends before it starts: the server refuses it, and says why beside the field. */
export const FilterRefused: Story = {
  name: 'States: Filter refused',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    await inShadow(elementIn(canvasElement), '[part="row"]');
    await filter(canvasElement, 'from', '2026-10-01');
    await filter(canvasElement, 'to', '2026-09-01');
    await expect(await inShadow(elementIn(canvasElement), '#filter-to-error')).toHaveTextContent('The end of the range cannot be before its start.');
  },
};

/** The next page appended below the first. */
export const LoadedMore: Story = {
  name: 'States: Loaded more',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="load-more"]'));
    await waitFor(() => expect(element.shadowRoot!.querySelectorAll('[part="row"]')).toHaveLength(acmeInvoices.data.length));
  },
};

/** September's invoice opened: its lines, totals, and the credit and card payment that paid it. */
export const DetailOpen: Story = {
  name: 'States: Detail open',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await inShadow(element, '[part="row"]');
    const toggle = [...element.shadowRoot!.querySelectorAll('th button')].find((button) => button.textContent!.includes(paidInvoice.number))!;
    await userEvent.click(toggle);
    await expect(await inShadow(element, '[part="detail"] dl')).toHaveTextContent('Total$64.00');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  },
};

/** The dialog starts with the billing contact; the server refused the second address typed, named beside the field. */
export const ResendInvalid: Story = {
  name: 'States: Resend with an invalid address',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    const dialog = await openResend(canvasElement, pastDueInvoice.number);
    const input = dialog.querySelector<HTMLInputElement>('#to')!;
    await expect(input).toHaveValue('billing@acme.test');
    // An email field takes no typing at a caret position, so the value is set as pasted.
    input.value = `${input.value}, ap@acme`;
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('[type="submit"]')!);
    await expect(await inShadow(elementIn(canvasElement), '#to-error')).toHaveTextContent('ap@acme: Use a valid email address.');
  },
};

/** Sent: the dialog closes and the list says to whom. */
export const Resent: Story = {
  name: 'States: Resent',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    const dialog = await openResend(canvasElement, pastDueInvoice.number);
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('[type="submit"]')!);
    await expect(await inShadow(elementIn(canvasElement), '[part="notice"]')).toHaveTextContent('INV-000112 sent to billing@acme.test.');
  },
};

/** The sixth resend within the hour: the server says to wait (429). */
export const ResendRateLimited: Story = {
  name: 'States: Resend refused, too many',
  parameters: { portalServer: { ...ready, 'POST /v1/invoices/{id}/send': refuse(tooManySends) } },
  play: async ({ canvasElement }) => {
    const dialog = await openResend(canvasElement, pastDueInvoice.number);
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('[type="submit"]')!);
    await expect(await inShadow(elementIn(canvasElement), '#to-error')).toHaveTextContent('Too many attempts. Wait a moment, then try again.');
  },
};

/** The server is making the Excel file of the whole list: Export is busy until it is ready. */
export const Exporting: Story = {
  name: 'States: Exporting',
  parameters: { portalServer: { ...ready, 'GET /v1/invoices/export': hang } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="export"]'));
    const excel = [...(await inShadow(element, '[part="export-menu"]')).querySelectorAll('button')].find((button) => button.textContent === 'Excel')!;
    await userEvent.click(excel);
    await expect(await inShadow(element, '[part="export"][aria-disabled="true"]')).toHaveTextContent('Exporting…');
  },
};

/** WCAG 1.4.10: in a 360 px settings pane the table is a list of cards, nothing to scroll sideways. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 360 px',
  parameters: { portalServer: ready },
  decorators: [(story) => html`<div style="max-inline-size: 360px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, 'th button'));
    await inShadow(element, '[part="detail"] dl');
  },
};
