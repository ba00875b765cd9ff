import { assert } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { PaymentMethod } from '../../../contract/payment-method.ts';
import { PortalApiError, PortalClient } from '../../../widgets/index.ts';
import type {
  PaymentDetails,
  PortalDefaultChangedEvent,
  PortalPayBalance,
  PortalPaymentFailedEvent,
  PortalPaymentMethodAddedEvent,
  PortalPaymentMethodRemovedEvent,
  PortalPaymentMethods,
  PortalPaymentSucceededEvent,
} from '../../../widgets/index.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';
import type { TestUserName } from '../support/test-accounts.ts';

const env = await loadPortalTestEnv();
const tokenOf = (name: TestUserName) => async () => env.tokens[name];
// Each user may add only a few payment methods in ten minutes, so the tests share the additions out.
const clientOf = (name: TestUserName) => new PortalClient({ apiBase: env.origin, tokenProvider: tokenOf(name) });
const server = clientOf('starkAdmin');
const expYear = new Date().getFullYear() + 3;
const balanceDue = '$49.00';

const mountMethods = (user: TestUserName = 'starkAdmin', locale = 'en-US') =>
  mount<PortalPaymentMethods>(
    html`<portal-payment-methods api-base=${env.origin} locale=${locale} .tokenProvider=${tokenOf(user)}></portal-payment-methods>`,
  );
const mountPayBalance = (user: TestUserName) =>
  mount<PortalPayBalance>(html`<portal-pay-balance api-base=${env.origin} locale="en-US" .tokenProvider=${tokenOf(user)}></portal-pay-balance>`);

const text = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
const query = <T extends Element = HTMLElement>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const buttonIn = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((button) => text(button) === name)!;
const buttonNamed = (element: Element, name: string) => buttonIn(shadow(element), name);
const rows = (element: Element) => [...shadow(element).querySelectorAll('[part="method"]')];
const rowOf = (element: Element, label: string) => rows(element).find((row) => text(row.querySelector('strong')!) === label)!;
const announced = (element: Element) => query(element, '[role="status"]').textContent;
const isLoaded = (element: Element) => query(element, '[part="list"]') !== null || query(element, '[part="empty"]') !== null;

async function loaded<T extends Element>(element: T): Promise<T> {
  await until(() => isLoaded(element), 'the payment methods are shown');
  return element;
}

/** Puts a card on file the way the element does, as `user`. */
async function putOnFile(user: TestUserName, number: string): Promise<PaymentMethod> {
  const client = clientOf(user);
  const { token } = await client.createSandboxToken({ card: { number, expMonth: 12, expYear, cvc: '123', name: 'Pepper Potts' } });
  return client.addPaymentMethod({ token });
}

/** Leaves stark with no payment method on file, as provisioned: the default goes last, as the server requires. */
async function removeAllMethods(): Promise<void> {
  const { data } = await server.listPaymentMethods();
  for (const method of data.reverse()) await server.removePaymentMethod(method.id);
}

async function openForm(element: PortalPaymentMethods, name: string): Promise<void> {
  buttonNamed(element, name).click();
  await element.updateComplete;
}

function fill(element: Element, values: Record<string, string>): void {
  for (const [path, value] of Object.entries(values)) {
    const input = query<HTMLInputElement>(element, `[id="${path}"]`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}

async function submit(element: PortalPaymentMethods): Promise<void> {
  query<HTMLButtonElement>(element, 'form [type="submit"]').click();
  await element.updateComplete;
  await until(() => !query<HTMLButtonElement>(element, 'form [type="submit"]')?.disabled, 'the form has been answered');
  await element.updateComplete;
}

const goodCard = { 'card.name': 'Pepper Potts', 'card.number': '4242 4242 4242 4242', 'card.expMonth': '12', 'card.expYear': String(expYear), 'card.cvc': '123' };

interface SentRequest {
  url: string;
  headers: Headers;
  body: string;
}

/** Records every request the page sends while `run` runs; `answer` may replace the server's response. */
async function recordRequests(run: () => Promise<void>, answer?: (request: SentRequest, response: Response) => Response | Promise<Response>): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const record = { url: request.url, headers: request.headers, body: await request.clone().text() };
    sent.push(record);
    const response = await realFetch(request);
    return answer ? answer(record, response) : response;
  };
  try {
    await run();
  } finally {
    window.fetch = realFetch;
  }
  return sent;
}

describe('<portal-payment-methods>', () => {
  afterEach(async () => {
    unmountAll();
    await removeAllMethods();
  });

  it('shows a placeholder while loading, then says no payment method is on file, with the balance and ways to add one', async () => {
    const element = await mountMethods();
    assert.ok(query(element, '[part="skeleton"]'), 'a skeleton while loading');
    await expectAccessible(element);
    await loaded(element);
    assert.equal(text(query(element, '[part="empty"]')), 'No payment method on file.');
    assert.include(text(query(element, '[part="balance"]')), `Balance due: ${balanceDue}`);
    assert.ok(buttonNamed(element, 'Add card'));
    assert.ok(buttonNamed(element, 'Add bank account'));
    await expectAccessible(element);
  });

  it('labels every card input and asks for the matching autofill and a number keypad', async () => {
    const element = await loaded(await mountMethods());
    await openForm(element, 'Add card');
    const inputs = Object.fromEntries(
      [...shadow(element).querySelectorAll('input')].map((input) => [
        input.id,
        [text(query(element, `label[for="${input.id}"]`)), input.autocomplete, input.inputMode],
      ]),
    );
    assert.deepEqual(inputs, {
      'card.name': ['Name on card', 'cc-name', ''],
      'card.number': ['Card number', 'cc-number', 'numeric'],
      'card.expMonth': ['Expiry month (MM)', 'cc-exp-month', 'numeric'],
      'card.expYear': ['Expiry year (YYYY)', 'cc-exp-year', 'numeric'],
      'card.cvc': ['Security code (CVC)', 'cc-csc', 'numeric'],
    });
    assert.equal(shadow(element).activeElement, query(element, '[id="card.name"]'), 'the focus moves into the form');
    await expectAccessible(element);
  });

  it('adds a card whose details go only to the tokenizer, lists it as the default, announces it and fires portal-payment-method-added', async () => {
    const element = await loaded(await mountMethods());
    const added: PortalPaymentMethodAddedEvent[] = [];
    document.body.addEventListener('portal-payment-method-added', (event) => added.push(event), { once: true });
    await openForm(element, 'Add card');
    fill(element, goodCard);
    const sent = await recordRequests(async () => {
      await submit(element);
      await until(() => !query(element, 'form'), 'the form has closed');
    });
    const [tokenize, ...portalCalls] = sent;
    assert.equal(tokenize!.url, `${env.origin}/sandbox-gateway/v1/tokens`);
    assert.include(tokenize!.body, '4242 4242 4242 4242');
    assert.isNull(tokenize!.headers.get('Authorization'), 'the tokenizer never gets the portal token');
    assert.isTrue(portalCalls.every((request) => request.url.startsWith(`${env.origin}/v1/`)));
    const [addition] = portalCalls.filter((request) => request.body !== '');
    assert.deepEqual(Object.keys(JSON.parse(addition!.body)), ['token'], 'the portal API gets the token and nothing else');
    assert.match(JSON.parse(addition!.body).token, /^tok_/);
    const row = rowOf(element, 'Visa ·· 4242');
    assert.equal(text(row.querySelector('[part="default-badge"]')!), 'Default');
    assert.include(text(row), `Pepper Potts · Expires 12/${expYear}`);
    await until(() => announced(element) === 'Visa ·· 4242 added.', 'the addition is announced');
    assert.equal(added[0]?.paymentMethod.last4, '4242');
    assert.isTrue((await server.listPaymentMethods()).data[0]?.isDefault);
    await expectAccessible(element);
  });

  it('adds a bank account', async () => {
    const element = await loaded(await mountMethods('starkAccounts'));
    await openForm(element, 'Add bank account');
    fill(element, { 'bankAccount.holderName': 'Stark Industries', 'bankAccount.routingNumber': '110000000', 'bankAccount.accountNumber': '000123456789' });
    await submit(element);
    await until(() => rows(element).length === 1, 'the account is listed');
    assert.include(text(rowOf(element, 'Bank account ·· 6789')), 'Stark Industries');
  });

  it('shows the tokenizer’s field errors beside the fields, moves focus to the first, and adds nothing', async () => {
    const element = await loaded(await mountMethods());
    await openForm(element, 'Add card');
    fill(element, { ...goodCard, 'card.number': '4242 4242 4242 4241', 'card.expMonth': '1', 'card.expYear': '2020', 'card.cvc': '12' });
    await submit(element);
    const errorOf = (path: string) => query(element, `[id="${path}-error"]`)?.textContent;
    assert.equal(errorOf('card.number'), 'This card number is not valid. Check it for typos.');
    assert.equal(errorOf('card.expYear'), 'This card has expired.');
    assert.equal(errorOf('card.cvc'), 'Enter the 3-digit security code from the back of the card.');
    const number = query<HTMLInputElement>(element, '[id="card.number"]');
    assert.equal(number.getAttribute('aria-invalid'), 'true');
    assert.equal(number.getAttribute('aria-describedby'), 'card.number-error');
    assert.equal(shadow(element).activeElement, number);
    assert.equal(number.value, '4242 4242 4242 4241', 'what was typed stays, to be corrected');
    assert.include(text(query(element, 'form')), 'Some fields need attention.');
    assert.deepEqual((await server.listPaymentMethods()).data, []);
    await expectAccessible(element);
  });

  it('refuses the same card twice with a message, with the card details already cleared', async () => {
    await putOnFile('starkAccounts', '4242424242424242');
    const element = await loaded(await mountMethods('starkAccounts'));
    await openForm(element, 'Add card');
    fill(element, goodCard);
    await submit(element);
    assert.include(text(query(element, 'form')), 'This card or account is already on file.');
    assert.deepEqual(
      [...shadow(element).querySelectorAll('input')].map((input) => input.value),
      ['', '', '', '', ''],
      'tokenized details are gone from the form',
    );
    await until(() => announced(element) === 'This card or account is already on file.', 'the refusal is announced');
    assert.equal(rows(element).length, 1);
    await expectAccessible(element);
  });

  it('hands the details to a tokenizer the host plugs in, and shows its field errors beside the fields', async () => {
    const seen: PaymentDetails[] = [];
    let refuse = true;
    const element = await loaded(await mountMethods('starkTreasury'));
    element.tokenizer = async (details) => {
      seen.push(details);
      if (refuse) {
        throw new PortalApiError({ status: 402, kind: 'validation', title: 'Refused', fieldErrors: [{ path: 'card.number', message: 'Acme Pay does not take this card.' }] });
      }
      return clientOf('starkTreasury').createSandboxToken(details);
    };
    await openForm(element, 'Add card');
    fill(element, goodCard);
    const sent = await recordRequests(() => submit(element));
    assert.deepEqual(sent, [], 'nothing went to the sandbox or the portal');
    assert.equal(query(element, '[id="card.number-error"]').textContent, 'Acme Pay does not take this card.');
    refuse = false;
    await submit(element);
    await until(() => rows(element).length === 1, 'the card is listed');
    assert.deepEqual(seen[1], { card: { name: 'Pepper Potts', number: '4242 4242 4242 4242', expMonth: 12, expYear, cvc: '123' } });
  });

  it('makes another method the default, lists it first, announces it and fires portal-default-changed', async () => {
    await putOnFile('starkAdmin', '4242424242424242');
    const mastercard = await putOnFile('starkAdmin', '5555555555554444');
    const element = await loaded(await mountMethods());
    const changes: PortalDefaultChangedEvent[] = [];
    element.addEventListener('portal-default-changed', (event) => changes.push(event));
    assert.isNull(rowOf(element, 'Visa ·· 4242').querySelector('button:not([id^="remove"])'), 'the default has no “Set as default”');
    buttonIn(rowOf(element, 'Mastercard ·· 4444'), 'Set as default').click();
    await until(() => announced(element) === 'Mastercard ·· 4444 is now your default payment method.', 'the change is announced');
    assert.equal(text(rows(element)[0]!.querySelector('strong')!), 'Mastercard ·· 4444');
    assert.ok(rows(element)[0]!.querySelector('[part="default-badge"]'));
    assert.isNull(rows(element)[1]!.querySelector('[part="default-badge"]'));
    assert.deepEqual(
      changes.map((event) => event.paymentMethod.id),
      [mastercard.id],
    );
    assert.equal((await server.listPaymentMethods()).data.find((method) => method.isDefault)?.id, mastercard.id);
    assert.equal(shadow(element).activeElement, query(element, `[id="remove-${mastercard.id}"]`), 'the focus follows the row');
  });

  it('asks before removing a method, keeps it on Cancel, and removes it once confirmed', async () => {
    const visa = await putOnFile('starkBilling', '4242424242424242');
    const element = await loaded(await mountMethods('starkBilling'));
    const removed: PortalPaymentMethodRemovedEvent[] = [];
    element.addEventListener('portal-payment-method-removed', (event) => removed.push(event));
    const removeButton = query<HTMLButtonElement>(element, `[id="remove-${visa.id}"]`);
    removeButton.click();
    await element.updateComplete;
    assert.equal(text(query(element, '[part="confirm"] p')), 'Remove Visa ·· 4242?');
    assert.equal(shadow(element).activeElement, query(element, '[part="confirm"] .danger'), 'the focus moves to the question');
    await expectAccessible(element);
    buttonIn(query(element, '[part="confirm"]'), 'Cancel').click();
    await element.updateComplete;
    assert.isNull(query(element, '[part="confirm"]'));
    assert.equal(shadow(element).activeElement, removeButton, 'the focus returns to Remove');
    removeButton.click();
    await element.updateComplete;
    query<HTMLButtonElement>(element, '[part="confirm"] .danger').click();
    await until(() => announced(element) === 'Visa ·· 4242 removed.', 'the removal is announced');
    assert.equal(text(query(element, '[part="empty"]')), 'No payment method on file.');
    assert.deepEqual(
      removed.map((event) => event.paymentMethod.id),
      [visa.id],
    );
    assert.deepEqual((await server.listPaymentMethods()).data, []);
  });

  it('shows the server’s refusal to remove the default while others are on file, and says to choose another default first', async () => {
    const visa = await putOnFile('starkBilling', '4242424242424242');
    await putOnFile('starkBilling', '5555555555554444');
    const element = await loaded(await mountMethods('starkBilling'));
    query<HTMLButtonElement>(element, `[id="remove-${visa.id}"]`).click();
    await element.updateComplete;
    query<HTMLButtonElement>(element, '[part="confirm"] .danger').click();
    await until(() => query(element, '[part="row-error"]'), 'the refusal is shown');
    const rowError = query(element, '[part="row-error"]');
    assert.equal(rowError.textContent, 'Visa ·· 4242 is your default payment method. Set another one as default first, then remove it.');
    assert.isTrue(rowOf(element, 'Visa ·· 4242').contains(rowError), 'in the row of the default');
    assert.include(query(element, `[id="remove-${visa.id}"]`).getAttribute('aria-describedby'), rowError.id);
    await until(() => announced(element) === rowError.textContent, 'the refusal is announced');
    assert.equal(rows(element).length, 2);
    assert.equal((await server.listPaymentMethods()).data.length, 2);
    await expectAccessible(element);
  });

  it('tells a user without Customer Portal View that they need it, with a retry', async () => {
    const element = await mountMethods('starkViewer');
    await until(() => query(element, '[part="error"]'), 'the error is shown');
    assert.include(text(query(element, '[part="error"]')), 'You need the Customer Portal View permission');
    assert.ok(buttonNamed(element, 'Try again'));
    await expectAccessible(element);
  });

  it('speaks German when its locale says so', async () => {
    const element = await loaded(await mountMethods('starkAdmin', 'de-DE'));
    await until(() => text(shadow(element)).includes('Meine Zahlungsmethoden'), 'the German catalogue is loaded');
    assert.equal(text(query(element, '[part="empty"]')), 'Keine Zahlungsmethode hinterlegt.');
    assert.include(text(query(element, '[part="balance"]')), 'Offener Betrag: 49,00 $');
    await openForm(element, 'Karte hinzufügen');
    assert.equal(text(query(element, 'label[for="card.cvc"]')), 'Prüfnummer (CVC)');
  });

  it('fits 360 px without scrolling sideways, with targets of at least 24 × 24 px', async () => {
    await setViewport({ width: 360, height: 800 });
    try {
      const element = await loaded(await mountMethods());
      await openForm(element, 'Add card');
      buttonNamed(element, 'Pay balance').click();
      await element.updateComplete;
      const payBalance = query<PortalPayBalance>(element, 'portal-pay-balance');
      await until(() => query(payBalance, '[part="amount"]'), 'the pay flow is shown');
      assert.isAtMost(document.documentElement.scrollWidth, 360);
      for (const target of [...shadow(element).querySelectorAll('button, input'), ...shadow(payBalance).querySelectorAll('button')]) {
        const { width, height } = target.getBoundingClientRect();
        assert.isAtLeast(Math.min(width, height), 24, `${target.localName} ${text(target)}`);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<portal-pay-balance>', () => {
  afterEach(async () => {
    unmountAll();
    await removeAllMethods();
  });

  it('shows the amount due, asks before charging, and shows a declined payment with its reason: nothing paid', async () => {
    const declining = await putOnFile('starkTreasury', '4000000000000002');
    const element = await mountPayBalance('starkTreasury');
    const failed: PortalPaymentFailedEvent[] = [];
    document.body.addEventListener('portal-payment-failed', (event) => failed.push(event), { once: true });
    await until(() => query(element, '[part="amount"]'), 'the amount due is shown');
    assert.equal(text(query(element, '[part="amount"]')), balanceDue);
    const radio = query<HTMLInputElement>(element, 'input[type="radio"]');
    assert.isTrue(radio.checked, 'the default is chosen');
    assert.include(text(radio.closest('label')!), 'Visa ·· 0002');
    await expectAccessible(element);
    query<HTMLButtonElement>(element, '[part="pay-button"]').click();
    await element.updateComplete;
    assert.equal(text(query(element, '[part="confirm"] p')), `Charge ${balanceDue} to Visa ·· 0002 now?`);
    assert.equal(shadow(element).activeElement, buttonNamed(element, 'Pay now'));
    await expectAccessible(element);
    buttonNamed(element, 'Pay now').click();
    await until(() => query(element, '[part="outcome"]'), 'the outcome is shown');
    const outcome = text(query(element, '[part="outcome"]'));
    assert.include(outcome, `Your payment of ${balanceDue} was declined. Nothing was charged.`);
    assert.include(outcome, 'The card was declined. Use another card or ask your bank.');
    assert.equal(shadow(element).activeElement, query(element, '[part="outcome"]'), 'the focus moves to the outcome');
    assert.deepEqual(
      failed.map(({ payment }) => [payment.status, payment.declineCode, payment.paymentMethod.id]),
      [['failed', 'card_declined', declining.id]],
    );
    assert.equal((await server.getStanding()).balanceDue, 4900, 'nothing was paid');
    assert.ok(query(element, '[part="pay-button"]'), 'the user may pay again');
    await expectAccessible(element);
  });

  it('retries a payment whose answer was lost with the same Idempotency-Key, and uses a new key for the next payment', async () => {
    await putOnFile('starkTreasury', '4000000000009995');
    const element = await mountPayBalance('starkTreasury');
    await until(() => query(element, '[part="pay-button"]'), 'the pay button is shown');
    let isFirstPayment = true;
    const sent = await recordRequests(
      async () => {
        query<HTMLButtonElement>(element, '[part="pay-button"]').click();
        await element.updateComplete;
        buttonNamed(element, 'Pay now').click();
        await until(() => query(element, '[part="pay-error"]'), 'the lost answer is reported');
        assert.equal(text(query(element, '[part="pay-error"]')), 'Your payment is not confirmed yet. Try again: you will not be charged twice.');
        assert.isTrue(query<HTMLFieldSetElement>(element, 'fieldset').disabled, 'the method cannot change before the outcome is known');
        await expectAccessible(element);
        buttonNamed(element, 'Try again').click();
        await until(() => query(element, '[part="outcome"]'), 'the outcome is shown');
        assert.include(text(query(element, '[part="outcome"]')), 'Insufficient funds. Use another payment method.');
        query<HTMLButtonElement>(element, '[part="pay-button"]').click();
        await element.updateComplete;
        buttonNamed(element, 'Pay now').click();
        await until(() => !buttonNamed(element, 'Paying…') && query(element, '[part="pay-button"]'), 'the second payment is answered');
      },
      (request, response) => {
        // The server charged, then the answer was lost on the way back.
        if (request.url.endsWith('/v1/payments') && isFirstPayment) {
          isFirstPayment = false;
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    );
    const keys = sent.filter((request) => request.url.endsWith('/v1/payments')).map((request) => request.headers.get('Idempotency-Key'));
    assert.equal(keys.length, 3);
    assert.equal(keys[1], keys[0], 'the retry repeats the key');
    assert.notEqual(keys[2], keys[0], 'a new payment gets a new key');
    assert.match(keys[0]!, /^[0-9a-f-]{36}$/);
  });

  it('says to add a card or bank account when none is on file to pay with', async () => {
    const element = await mountPayBalance('starkTreasury');
    await until(() => query(element, '[part="amount"]'), 'the amount due is shown');
    assert.include(text(shadow(element)), 'Add a card or bank account to pay.');
    assert.isNull(query(element, '[part="pay-button"]'));
    await expectAccessible(element);
  });

  // Pays stark's only invoice, so it runs last.
  it('pays the balance from <portal-payment-methods>: the outcome, the events, and the balance read again', async () => {
    await putOnFile('starkBilling', '4242424242424242');
    const element = await loaded(await mountMethods('starkBilling'));
    const paid: PortalPaymentSucceededEvent[] = [];
    document.body.addEventListener('portal-payment-succeeded', (event) => paid.push(event), { once: true });
    const toggle = buttonNamed(element, 'Pay balance');
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    toggle.click();
    await element.updateComplete;
    assert.equal(toggle.getAttribute('aria-expanded'), 'true');
    const payBalance = query<PortalPayBalance>(element, 'portal-pay-balance');
    await until(() => query(payBalance, '[part="pay-button"]'), 'the pay flow is shown');
    query<HTMLButtonElement>(payBalance, '[part="pay-button"]').click();
    await payBalance.updateComplete;
    buttonNamed(payBalance, 'Pay now').click();
    await until(() => query(payBalance, '[part="outcome"]'), 'the outcome is shown');
    const reference = paid[0]?.payment.reference;
    assert.match(reference!, /^ch_/);
    assert.equal(text(query(payBalance, '[part="outcome"]')), `Thank you! We received your payment of ${balanceDue}. Reference: ${reference}`);
    assert.equal(text(query(payBalance, '[part="nothing-due"]')), 'Nothing is due. Your account is paid up.');
    await until(() => !query(element, '[part="balance"]'), 'the balance, read again, is no longer offered');
    assert.equal(paid[0]?.payment.status, 'succeeded');
    assert.equal((await server.getStanding()).balanceDue, 0);
    await expectAccessible(element);
  });
});
