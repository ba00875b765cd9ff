import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, userEvent } from 'storybook/test';
import { acmeCustomer, newCustomer } from './fixtures/customer.ts';
import { customerValidationFailed, forbidden } from './fixtures/problem.ts';
import { hang, refuse, unreachable } from './support/answers.ts';
import { customerResource } from './support/customer-resource.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface CustomerInfoArgs extends PortalElementArgs {
  onPortalSaved?: (event: Event) => void;
}

const meta: Meta<CustomerInfoArgs> = {
  title: 'portal-customer-info',
  component: 'portal-customer-info',
  render: (args) => html`<portal-customer-info
    locale=${ifDefined(args.locale)}
    .messages=${args.messages}
    @portal-saved=${args.onPortalSaved}
    @portal-error=${args.onPortalError}
  ></portal-customer-info>`,
  argTypes: portalElementArgTypes,
};
export default meta;

type Story = StoryObj<CustomerInfoArgs>;

const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-customer-info')!;

async function openForm(canvasElement: HTMLElement): Promise<HTMLElement> {
  const element = elementIn(canvasElement);
  await userEvent.click(await inShadow(element, '[part="edit-button"]'));
  await inShadow(element, '[part="form"]');
  return element;
}

async function retype(element: HTMLElement, fieldPath: string, text: string): Promise<HTMLInputElement> {
  const input = await inShadow<HTMLInputElement>(element, `[id="${fieldPath}"]`);
  // Typing over a selection of everything: userEvent.clear() cannot focus an input inside a shadow root.
  await userEvent.type(input, text, { initialSelectionStart: 0, initialSelectionEnd: input.value.length });
  return input;
}

/** A customer that remembers saves: edit, save, reload. Try `messages` and `locale` in the controls. */
export const Playground: Story = {
  parameters: { portalServer: customerResource(acmeCustomer).routes },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/customer': hang } },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/customer': unreachable } },
};

/** The user lacks Customer Portal View: the server answers 403 on every portal route. */
export const Forbidden: Story = {
  name: 'States: Forbidden',
  parameters: { portalServer: { 'GET /v1/customer': refuse(forbidden) } },
};

export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: customerResource(acmeCustomer).routes },
};

/** A new account: nothing on file yet but the company name. */
export const NothingOnFile: Story = {
  name: 'States: Nothing on file',
  parameters: { portalServer: customerResource(newCustomer).routes },
};

export const Editing: Story = {
  name: 'States: Editing',
  parameters: { portalServer: customerResource(acmeCustomer).routes },
  play: async ({ canvasElement }) => {
    const element = await openForm(canvasElement);
    await expect(element.shadowRoot!.activeElement).toBe(await inShadow(element, '[id="companyName"]'));
  },
};

/** The server answers 422 with `errors[]`; each message lands under its field, and focus moves to the first. */
export const ValidationError: Story = {
  name: 'States: Validation error',
  parameters: {
    portalServer: { ...customerResource(acmeCustomer).routes, 'PATCH /v1/customer': refuse(customerValidationFailed) },
  },
  play: async ({ canvasElement }) => {
    const element = await openForm(canvasElement);
    const postalCode = await retype(element, 'address.postalCode', '9410');
    await retype(element, 'billingContact.email', 'billing@acme');
    await userEvent.click(await inShadow(element, '[part="save-button"]'));
    await expect(await inShadow(element, '[id="address.postalCode-error"]')).toHaveTextContent('Use a postal code like 94105');
    await expect(await inShadow(element, '[id="billingContact.email-error"]')).toHaveTextContent('Use a valid email address.');
    await expect(element.shadowRoot!.activeElement).toBe(postalCode);
  },
};

const conflict = customerResource(acmeCustomer);

/** Someone else saves while the form is open; this save is refused with 412 and the edits stay in the form. */
export const Conflict: Story = {
  name: 'States: Conflict',
  parameters: { portalServer: conflict.routes },
  play: async ({ canvasElement }) => {
    const element = await openForm(canvasElement);
    conflict.saveElsewhere({ companyName: 'Acme Incorporated' });
    await retype(element, 'companyName', 'Acme International');
    await userEvent.click(await inShadow(element, '[part="save-button"]'));
    await expect(await inShadow(element, '[part="form"] .banner.error')).toHaveTextContent('Someone else saved changes');
  },
};

type ThemeArgs = {
  '--portal-font-family': string;
  '--portal-color-accent': string;
  '--portal-color-accent-text': string;
  '--portal-color-surface-muted': string;
  '--portal-color-border': string;
  '--portal-radius': string;
  '--portal-spacing': string;
  '--portal-density': number;
};

/**
 * A partner's look through `--portal-*` custom properties alone, set on any ancestor. `light-dark()`
 * values keep the partner's colours right in both color schemes (switch it in the toolbar).
 */
export const Theming: StoryObj<ThemeArgs> = {
  parameters: { portalServer: customerResource(acmeCustomer).routes, controls: { include: /^--portal-/ } },
  args: {
    '--portal-font-family': "Georgia, 'DejaVu Serif', serif",
    '--portal-color-accent': 'light-dark(#0f766e, #2dd4bf)',
    '--portal-color-accent-text': 'light-dark(#ffffff, #042f2e)',
    '--portal-color-surface-muted': 'light-dark(#ecfdf9, #0d2b28)',
    '--portal-color-border': 'light-dark(#8fd3c8, #1f4d48)',
    '--portal-radius': '2px',
    '--portal-spacing': '7px',
    '--portal-density': 0.85,
  },
  argTypes: { '--portal-density': { control: { type: 'range', min: 0.6, max: 1.4, step: 0.05 } } },
  render: (tokens) => html`<div style=${styleMap(tokens)}><portal-customer-info></portal-customer-info></div>`,
};

/** WCAG 1.4.10: at 320 CSS px nothing scrolls sideways, and the form stacks into one column. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 320 px',
  parameters: { portalServer: customerResource(acmeCustomer).routes },
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await openForm(canvasElement);
  },
};

/** Logical properties only, so a right-to-left host page mirrors the layout. */
export const RightToLeft: Story = {
  name: 'Accessibility: Right to left',
  parameters: { portalServer: customerResource(acmeCustomer).routes },
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};
