import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import { acmeTransactions, noTransactions } from './fixtures/transaction-list.ts';
import { hang, unreachable } from './support/answers.ts';
import { transactionsResource } from './support/history-resource.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface TransactionsArgs extends PortalElementArgs {
  pageSize?: number;
  onPortalDocumentSent?: (event: Event) => void;
  onPortalExportReady?: (event: Event) => void;
}

const meta: Meta<TransactionsArgs> = {
  title: 'portal-transactions',
  component: 'portal-transactions',
  render: (args) => html`<portal-transactions
    locale=${ifDefined(args.locale)}
    page-size=${ifDefined(args.pageSize)}
    .messages=${args.messages}
    @portal-document-sent=${args.onPortalDocumentSent}
    @portal-export-ready=${args.onPortalExportReady}
    @portal-error=${args.onPortalError}
  ></portal-transactions>`,
  argTypes: portalElementArgTypes,
  args: { pageSize: 10 },
};
export default meta;

type Story = StoryObj<TransactionsArgs>;

const ready = transactionsResource(acmeTransactions);
const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-transactions')!;

/** Everything the server would do: filters, Load more, resend, export (the files are stand-ins). */
export const Playground: Story = {
  parameters: { portalServer: ready },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/transactions': hang } },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/transactions': unreachable } },
};

export const Empty: Story = {
  name: 'States: Empty',
  parameters: { portalServer: transactionsResource(noTransactions) },
};

/** Payments, a declined card with its reason, a refund, a credit, and a payment still processing (nothing to resend yet). */
export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: ready },
};

/** Nothing happened in the dates chosen: the list says so and offers to clear the filters. */
export const NoMatches: Story = {
  name: 'States: No matches for the filters',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    const from = await inShadow<HTMLInputElement>(element, '[name="from"]');
    from.value = '2027-01-01';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await expect(await inShadow(element, '[part="empty"]')).toHaveTextContent('Nothing matches these filters.');
  },
};

/** The dialog starts with the billing contact; the server refused an address typed, named beside the field. */
export const ResendInvalid: Story = {
  name: 'States: Resend with an invalid address',
  parameters: { portalServer: ready },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await inShadow(element, '[part="row"] .actions button');
    await userEvent.click(element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="row"] .actions button')[0]!);
    const input = await inShadow<HTMLInputElement>(element, 'dialog[open] #to');
    // An email field takes no typing at a caret position, so the value is set as pasted.
    input.value = 'billing@acme.test, billing.acme.test';
    await userEvent.click(await inShadow(element, 'dialog [type="submit"]'));
    await expect(await inShadow(element, '#to-error')).toHaveTextContent('billing.acme.test: Use a valid email address.');
  },
};

/** The server is making the PDF of the whole list: Export is busy until it is ready. */
export const Exporting: Story = {
  name: 'States: Exporting',
  parameters: { portalServer: { ...ready, 'GET /v1/transactions/export': hang } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="export"]'));
    const pdf = [...(await inShadow(element, '[part="export-menu"]')).querySelectorAll('button')].find((button) => button.textContent === 'PDF')!;
    await userEvent.click(pdf);
    await expect(await inShadow(element, '[part="export"][aria-disabled="true"]')).toHaveTextContent('Exporting…');
  },
};

/** WCAG 1.4.10: in a 360 px settings pane the table is a list of cards, nothing to scroll sideways. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 360 px',
  parameters: { portalServer: ready },
  decorators: [(story) => html`<div style="max-inline-size: 360px">${story()}</div>`],
};
