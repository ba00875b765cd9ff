import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import type { PaymentMethod, PaymentMethodCreate, PaymentMethodList } from '../contract/payment-method.ts';
import type { SandboxToken, SandboxTokenCreate } from '../contract/sandbox-gateway.ts';
import type { Standing } from '../contract/standing.ts';
import type { Tokenizer } from '../widgets/index.ts';
import { paymentDeclined, paymentSucceeded } from './fixtures/payment.ts';
import { acmeMethods, noMethods, onlyExpiredCard } from './fixtures/payment-method-list.ts';
import { cardAlreadyOnFile, cardDetailsInvalid, defaultStillNeeded, forbidden } from './fixtures/problem.ts';
import { paidUp, pastDue } from './fixtures/standing.ts';
import { answer, hang, json, problemResponse, refuse, unreachable } from './support/answers.ts';
import type { Routes } from './support/fixture-server.ts';
import { type PortalElementArgs, portalElementArgTypes } from './support/portal-element-args.ts';
import { inShadow } from './support/shadow.ts';

interface PaymentMethodsArgs extends PortalElementArgs {
  tokenizer?: Tokenizer;
  onPortalPaymentMethodAdded?: (event: Event) => void;
  onPortalPaymentMethodRemoved?: (event: Event) => void;
  onPortalDefaultChanged?: (event: Event) => void;
  onPortalPaymentSucceeded?: (event: Event) => void;
  onPortalPaymentFailed?: (event: Event) => void;
}

const meta: Meta<PaymentMethodsArgs> = {
  title: 'portal-payment-methods',
  component: 'portal-payment-methods',
  render: (args) => html`<portal-payment-methods
    locale=${ifDefined(args.locale)}
    .messages=${args.messages}
    @portal-payment-method-added=${args.onPortalPaymentMethodAdded}
    @portal-payment-method-removed=${args.onPortalPaymentMethodRemoved}
    @portal-default-changed=${args.onPortalDefaultChanged}
    @portal-payment-succeeded=${args.onPortalPaymentSucceeded}
    @portal-payment-failed=${args.onPortalPaymentFailed}
    @portal-error=${args.onPortalError}
  ></portal-payment-methods>`,
  // The fixtures answer the sandbox tokenizer; a host's own tokenizer is a function no control can set.
  argTypes: { ...portalElementArgTypes, tokenizer: { control: false } },
};
export default meta;

type Story = StoryObj<PaymentMethodsArgs>;

const brandByFirstDigit: Record<string, string> = { '3': 'amex', '4': 'visa', '5': 'mastercard' };

/**
 * The methods on file, the standing, the sandbox tokenizer and payments, remembering changes as the
 * server does: the first method becomes the default, the same card twice and removing the default
 * while others are on file are refused, and a payment settles the whole balance.
 */
function paymentsResource(initialMethods: PaymentMethodList, initialStanding: Standing): Routes {
  let methods = initialMethods.data;
  let standing = initialStanding;
  const tokens = new Map<string, PaymentMethod>();
  const defaultFirst = () => [...methods.filter((method) => method.isDefault), ...methods.filter((method) => !method.isDefault)];
  return {
    'GET /v1/payment-methods': () => json({ data: defaultFirst(), nextCursor: null }),
    'GET /v1/standing': () => json(standing),
    'POST /sandbox-gateway/v1/tokens': async (request) => {
      const { card, bankAccount } = (await request.json()) as SandboxTokenCreate;
      const number = (card?.number ?? bankAccount?.accountNumber ?? '').replace(/\D/g, '');
      const answered: SandboxToken = {
        token: `tok_story${tokens.size + 1}`,
        kind: card ? 'card' : 'bank_account',
        brand: card ? (brandByFirstDigit[number[0] ?? ''] ?? null) : null,
        last4: number.slice(-4),
        expMonth: card?.expMonth ?? null,
        expYear: card?.expYear ?? null,
      };
      const { token, ...described } = answered;
      tokens.set(token, {
        ...described,
        id: `pm_story${tokens.size + 1}`,
        holderName: card?.name ?? bankAccount?.holderName ?? null,
        isDefault: false,
        isExpired: false,
        createdAt: new Date().toISOString(),
      });
      return json(answered, {}, 201);
    },
    'POST /v1/payment-methods': async (request) => {
      const { token } = (await request.json()) as PaymentMethodCreate;
      // The element only sends tokens this tokenizer answered.
      const method = tokens.get(token)!;
      if (methods.some((other) => other.kind === method.kind && other.last4 === method.last4)) return problemResponse(cardAlreadyOnFile);
      const added = { ...method, isDefault: methods.length === 0 };
      methods = [...methods, added];
      return json(added, {}, 201);
    },
    'POST /v1/payment-methods/{id}/default': (_, { id }) => {
      methods = methods.map((method) => ({ ...method, isDefault: method.id === id }));
      return json(methods.find((method) => method.id === id));
    },
    'DELETE /v1/payment-methods/{id}': (_, { id }) => {
      const isDefault = methods.find((method) => method.id === id)?.isDefault;
      if (isDefault && methods.length > 1) return problemResponse(defaultStillNeeded);
      methods = methods.filter((method) => method.id !== id);
      return new Response(null, { status: 204 });
    },
    'POST /v1/payments': () => {
      const payment = { ...paymentSucceeded, amount: standing.balanceDue };
      standing = paidUp;
      return json(payment, {}, 201);
    },
  };
}

const elementIn = (canvasElement: HTMLElement) => canvasElement.querySelector('portal-payment-methods')!;

function buttonNamed(root: ShadowRoot, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === name);
  if (!button) throw new Error(`no button “${name}”`);
  return button;
}

/** Opens the pay flow and answers the embedded <portal-pay-balance>. */
async function openPayBalance(canvasElement: HTMLElement): Promise<HTMLElement> {
  const element = elementIn(canvasElement);
  await userEvent.click(await inShadow(element, '[part="balance"] button'));
  const payBalance = await inShadow(element, 'portal-pay-balance');
  await inShadow(payBalance, '[part="pay-button"]');
  return payBalance;
}

async function payAndConfirm(canvasElement: HTMLElement): Promise<HTMLElement> {
  const payBalance = await openPayBalance(canvasElement);
  await userEvent.click(await inShadow(payBalance, '[part="pay-button"]'));
  await userEvent.click(buttonNamed(payBalance.shadowRoot!, 'Pay now'));
  return payBalance;
}

/** Everything remembered: add a card (any number) or bank account, set the default, remove, pay the balance. */
export const Playground: Story = {
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
};

export const Loading: Story = {
  name: 'States: Loading',
  parameters: { portalServer: { 'GET /v1/payment-methods': hang, 'GET /v1/standing': hang } },
};

export const NetworkError: Story = {
  name: 'States: Error (network)',
  parameters: { portalServer: { 'GET /v1/payment-methods': unreachable, 'GET /v1/standing': unreachable } },
};

/** The user lacks Customer Portal View: the standing answers, the payment methods do not (403). */
export const Forbidden: Story = {
  name: 'States: Forbidden',
  parameters: { portalServer: { 'GET /v1/payment-methods': refuse(forbidden), 'GET /v1/standing': answer(paidUp) } },
};

export const Empty: Story = {
  name: 'States: Empty',
  parameters: { portalServer: paymentsResource(noMethods, paidUp) },
};

/** The default first; an expired card flagged, with no “Set as default”; a bank account; the balance due, with “Pay balance”. */
export const Ready: Story = {
  name: 'States: Ready',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
};

/** An expired card is flagged, offers no “Set as default”, and the pay flow cannot pick it. */
export const ExpiredCard: Story = {
  name: 'States: Expired card',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await expect(await inShadow(element, '[part="expired-badge"]')).toHaveTextContent('Expired 06/2026');
    const payBalance = await openPayBalance(canvasElement);
    const [, expired] = payBalance.shadowRoot!.querySelectorAll('input[type="radio"]');
    await expect(expired).toBeDisabled();
  },
};

/** The only card on file has expired, often the very reason a payment is late: the pay flow asks for another method. */
export const OnlyExpiredCard: Story = {
  name: 'States: Only an expired card',
  parameters: { portalServer: paymentsResource(onlyExpiredCard, pastDue) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="balance"] button'));
    const payBalance = await inShadow(element, 'portal-pay-balance');
    await expect(await inShadow(payBalance, '[part="amount"] + p')).toHaveTextContent('Add a card or bank account to pay.');
  },
};

/** The sandbox tokenizer refuses a mistyped card (422); each message lands beside its field, and focus moves to the first. */
export const AddingWithFieldErrors: Story = {
  name: 'States: Adding a card with field errors',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, pastDue), 'POST /sandbox-gateway/v1/tokens': refuse(cardDetailsInvalid) } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, '[part="add-card"]'));
    await userEvent.type(await inShadow(element, '[id="card.name"]'), 'Ada Admin');
    await userEvent.type(await inShadow(element, '[id="card.number"]'), '4242 4242 4242 4241');
    await userEvent.type(await inShadow(element, '[id="card.expMonth"]'), '1');
    await userEvent.type(await inShadow(element, '[id="card.expYear"]'), '2020');
    await userEvent.type(await inShadow(element, '[id="card.cvc"]'), '12');
    await userEvent.click(await inShadow(element, 'form [type="submit"]'));
    await expect(await inShadow(element, '[id="card.number-error"]')).toHaveTextContent('This card number is not valid.');
    await expect(element.shadowRoot!.activeElement).toBe(await inShadow(element, '[id="card.number"]'));
  },
};

/** Removing the default while others are on file: the server refuses (409), and the row says to choose another default first. */
export const RemoveDefaultRefused: Story = {
  name: 'States: Removing the default is refused',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await inShadow(element, `[id="remove-${acmeMethods.data[0]!.id}"]`));
    await userEvent.click(await inShadow(element, '[part="confirm"] .danger'));
    await expect(await inShadow(element, '[part="row-error"]')).toHaveTextContent('Set another one as default first');
  },
};

/** Confirmed, and the processor has not answered yet. */
export const Paying: Story = {
  name: 'States: Paying',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, pastDue), 'POST /v1/payments': hang } },
  play: async ({ canvasElement }) => {
    const payBalance = await payAndConfirm(canvasElement);
    await expect(buttonNamed(payBalance.shadowRoot!, 'Paying…')).toBeDisabled();
  },
};

/** The amount, the method to pay with (the default chosen, an expired card not choosable), and the question before charging. */
export const ConfirmPayment: Story = {
  name: 'States: Confirming a payment',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const payBalance = await openPayBalance(canvasElement);
    await userEvent.click(await inShadow(payBalance, '[part="pay-button"]'));
    await expect(await inShadow(payBalance, '[part="confirm"]')).toHaveTextContent('Charge $129.00 to Visa ·· 4242 now?');
  },
};

/** The payment went through: its reference, and nothing is due any more. */
export const PaymentSucceeded: Story = {
  name: 'States: Payment succeeded',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  play: async ({ canvasElement }) => {
    const payBalance = await payAndConfirm(canvasElement);
    await expect(await inShadow(payBalance, '[part="outcome"]')).toHaveTextContent(`Reference: ${paymentSucceeded.reference}`);
    await expect(await inShadow(payBalance, '[part="nothing-due"]')).toBeVisible();
  },
};

/** The processor declined it: why, in plain words, and that nothing was charged; the balance stays. */
export const PaymentDeclined: Story = {
  name: 'States: Payment declined',
  parameters: { portalServer: { ...paymentsResource(acmeMethods, pastDue), 'POST /v1/payments': () => json(paymentDeclined, {}, 201) } },
  play: async ({ canvasElement }) => {
    const payBalance = await payAndConfirm(canvasElement);
    await expect(await inShadow(payBalance, '[part="outcome"]')).toHaveTextContent('Insufficient funds.');
  },
};

/** WCAG 1.4.10: at 320 CSS px the list, the card form and the pay flow fit without scrolling sideways. */
export const Reflow: Story = {
  name: 'Accessibility: Reflow at 320 px',
  parameters: { portalServer: paymentsResource(acmeMethods, pastDue) },
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await openPayBalance(canvasElement);
    await userEvent.click(await inShadow(elementIn(canvasElement), '[part="add-card"]'));
  },
};
