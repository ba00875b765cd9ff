import { assert } from '@esm-bundle/chai';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import type { Standing } from '../../../contract/standing.ts';
import '../../../widgets/index.ts';
import type { PortalLockoutGate, PortalPayBalance, PortalPaymentMethods, PortalStandingChangeEvent } from '../../../widgets/index.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';
import { daysAgo, type TestUserName } from '../support/test-accounts.ts';

const env = await loadPortalTestEnv();
const tokenOf = (name: TestUserName) => async () => env.tokens[name];

const hostContent = html`<button id="host-action">Host action</button>`;

interface GateOptions {
  content?: TemplateResult;
  apiBase?: string;
  recheckSeconds?: number;
  isFailOpen?: boolean;
  locale?: string;
}

const mountGate = (user: TestUserName, { content = hostContent, apiBase = env.origin, recheckSeconds = 60, isFailOpen = false, locale = 'en-US' }: GateOptions = {}) =>
  mount<PortalLockoutGate>(
    html`<portal-lockout-gate
      api-base=${apiBase}
      locale=${locale}
      recheck-seconds=${recheckSeconds}
      ?fail-open=${isFailOpen}
      .tokenProvider=${tokenOf(user)}
      >${content}</portal-lockout-gate
    >`,
  );

const text = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
const query = <T extends Element = HTMLElement>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const buttonNamed = (element: Element, name: string) => [...shadow(element).querySelectorAll('button')].find((button) => text(button) === name)!;
const has = (element: Element, selector: string) => shadow(element).querySelector(selector) !== null;
const hostAction = (gate: Element) => gate.querySelector<HTMLButtonElement>('#host-action')!;
const isShown = (element: Element | null) => element?.checkVisibility() ?? false;
/** The date as the gate writes calendar dates in en-US. */
const dateInEnglish = (day: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The element with focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

// Assertions compare names, never elements: the runner hangs serializing a failed assertion's DOM nodes.
const nameOf = (element: Element | null | undefined) =>
  element ? `${element.localName}${element.hasAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''} ${text(element).slice(0, 40)}`.trim() : 'nothing';

async function read<T extends PortalLockoutGate>(gate: T): Promise<T> {
  // The first render (in a task of its own) shows the skeleton while the standing is read.
  await gate.updateComplete;
  await until(() => !query(gate, '[part="skeleton"]'), 'the standing is read');
  await gate.updateComplete;
  return gate;
}

function recordStandingChanges(gate: HTMLElement): PortalStandingChangeEvent[] {
  const changes: PortalStandingChangeEvent[] = [];
  gate.addEventListener('portal-standing-change', (event) => changes.push(event));
  return changes;
}

interface AccessibilityNode {
  name?: string;
  children?: AccessibilityNode[];
}
const names = (node: AccessibilityNode): string[] => [node.name ?? '', ...(node.children ?? []).flatMap(names)];

/**
 * Answers GET /v1/standing through `answer` (given the server's answer) while `run` runs, and counts
 * those calls; everything else goes to the server untouched.
 */
async function withStandingAnswers(answer: (standing: Standing) => Standing | Response, run: (calls: () => number) => Promise<void>): Promise<void> {
  let calls = 0;
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.endsWith('/v1/standing')) return realFetch(request);
    calls++;
    const answered = answer(await (await realFetch(request)).json());
    return answered instanceof Response ? answered : Response.json(answered);
  };
  try {
    await run(() => calls);
  } finally {
    window.fetch = realFetch;
  }
}

describe('<portal-lockout-gate>', () => {
  afterEach(() => unmountAll());

  it('shows a placeholder and none of the content while the standing is read', async () => {
    const gate = await mountGate('wonkaAdmin');
    assert.isTrue(has(gate, '[part="skeleton"]'));
    assert.isFalse(has(gate, 'slot'), 'a locked account must never flash its content');
    assert.isFalse(isShown(hostAction(gate)));
    await expectAccessible(gate);
  });

  it('shows the content in good standing, with nothing above it, and fires portal-standing-change', async () => {
    const gate = await mountGate('wonkaAdmin');
    const changes = recordStandingChanges(gate);
    await read(gate);
    assert.isTrue(hostAction(gate).assignedSlot === query(gate, 'slot'), 'the content is slotted');
    assert.isTrue(isShown(hostAction(gate)));
    assert.equal(text(shadow(gate)), '', 'no notice, banner or lock screen');
    assert.deepEqual(
      changes.map((event) => [event.previousStatus, event.status]),
      [[null, 'good']],
    );
    await expectAccessible(gate);
  });

  it('leaves the host’s own text styles on its content', async () => {
    const page = await mount<HTMLElement>(html`<div style="color: rgb(1, 2, 3); font: 13px / 2 serif">
      <portal-lockout-gate api-base=${env.origin} locale="en-US" .tokenProvider=${tokenOf('wonkaAdmin')}><p id="host-text">Host text</p></portal-lockout-gate>
    </div>`);
    await read(page.querySelector('portal-lockout-gate')!);
    const { color, fontFamily, fontSize, lineHeight } = getComputedStyle(page.querySelector('#host-text')!);
    assert.deepEqual({ color, fontFamily, fontSize, lineHeight }, { color: 'rgb(1, 2, 3)', fontFamily: 'serif', fontSize: '13px', lineHeight: '26px' });
  });

  describe('locked', () => {
    it('renders no slot: the content is not shown, not reached by Tab, and not in the accessibility tree', async () => {
      const before = await mount<HTMLElement>(html`<button>Before the gate</button>`);
      const gate = await read(await mountGate('tyrellAdmin'));
      assert.isFalse(has(gate, 'slot'));
      assert.isTrue(hostAction(gate).assignedSlot === null, 'the content is not slotted');
      assert.isFalse(isShown(hostAction(gate)));
      before.focus();
      const reached: string[] = [];
      for (let press = 0; press < 8; press++) {
        await sendKeys({ press: 'Tab' });
        reached.push(nameOf(focused()));
      }
      assert.notInclude(reached, nameOf(hostAction(gate)));
      const tree = (await a11ySnapshot({})) as unknown as AccessibilityNode;
      assert.include(names(tree), 'This account is locked', 'the snapshot sees the lock screen');
      assert.notInclude(names(tree), 'Host action');
      await expectAccessible(gate);
    });

    it('moves focus into the lock screen, announced as an alert dialog named by its title and described by its reason', async () => {
      const gate = await read(await mountGate('tyrellViewer'));
      const lockScreen = query(gate, '[part="lock-screen"]');
      assert.isTrue(focused() === lockScreen, `focus is on the lock screen, not on ${nameOf(focused())}`);
      assert.equal(lockScreen.getAttribute('role'), 'alertdialog');
      assert.equal(text(query(gate, `[id="${lockScreen.getAttribute('aria-labelledby')}"]`)), 'This account is locked');
      assert.include(text(query(gate, `[id="${lockScreen.getAttribute('aria-describedby')}"]`)), 'A payment is overdue, so this account is locked');
    });

    it('keeps Tab and Shift+Tab inside the lock screen', async () => {
      const page = await mount<HTMLElement>(html`<div>
        <button>Before the gate</button>
        <portal-lockout-gate api-base=${env.origin} locale="en-US" .tokenProvider=${tokenOf('tyrellViewer')}>${hostContent}</portal-lockout-gate>
        <button>After the gate</button>
      </div>`);
      const gate = await read(page.querySelector('portal-lockout-gate')!);
      const siteAdminLink = 'a eldon@tyrell.test';
      const supportLink = 'a support@vendor.test';
      const tab = async () => {
        await sendKeys({ press: 'Tab' });
        return nameOf(focused());
      };
      const shiftTab = async () => {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        return nameOf(focused());
      };
      assert.equal(await tab(), siteAdminLink);
      assert.equal(await tab(), supportLink);
      assert.equal(await tab(), siteAdminLink, 'Tab from the last stop wraps to the first');
      assert.equal(await shiftTab(), supportLink, 'Shift+Tab from the first stop wraps to the last');
      assert.equal(await shiftTab(), siteAdminLink);
      query(gate, '[part="lock-screen"]').focus();
      assert.equal(await shiftTab(), supportLink, 'Shift+Tab from the lock screen itself wraps to the last');
    });

    it('tells a user without Customer Portal View whom to contact, and shows no amount', async () => {
      const gate = await read(await mountGate('tyrellViewer'));
      assert.equal(
        text(query(gate, '#lock-reason')),
        'A payment is overdue, so this account is locked until it is paid. Only people with the Customer Portal View permission can pay it: ask your Site Admin, or contact support.',
      );
      assert.deepEqual(
        [...shadow(gate).querySelectorAll('[part="contacts"] dt')].map((term) => [text(term), text(term.nextElementSibling!)]),
        [
          ['Your Site Admin', 'Eldon Tyrell eldon@tyrell.test'],
          ['Support', 'support@vendor.test'],
        ],
      );
      assert.deepEqual(
        [...shadow(gate).querySelectorAll('a')].map((link) => link.getAttribute('href')),
        ['mailto:eldon@tyrell.test', 'mailto:support@vendor.test'],
      );
      assert.notInclude(text(shadow(gate)), '$');
      assert.isFalse(has(gate, 'portal-pay-balance'));
      await expectAccessible(gate);
    });

    it('speaks German when its locale says so', async () => {
      const gate = await read(await mountGate('tyrellViewer', { locale: 'de-DE' }));
      await until(() => text(query(gate, '#lock-title')) === 'Dieses Konto ist gesperrt', 'the title is in German');
      assert.equal(text(query(gate, '[part="contacts"] dt')), 'Ihr Site Admin');
    });

    it('lets a user with Customer Portal View add a card and pay on the lock screen; then it opens, without a reload, and fires portal-standing-change', async function () {
      this.timeout(20_000);
      const gate = await mountGate('cyberdyneAdmin');
      const changes = recordStandingChanges(gate);
      await read(gate);
      assert.equal(text(query(gate, '#lock-reason')), '$49.00 is overdue, so this account is locked. Pay the balance to unlock it right away.');
      const payBalance = query<PortalPayBalance>(gate, 'portal-pay-balance');
      const methods = query<PortalPaymentMethods>(gate, 'portal-payment-methods');
      await until(() => text(shadow(payBalance)).includes('Add a card or bank account to pay.'), 'the pay flow asks for a payment method');
      await until(() => query(methods, '[part="empty"]'), 'the payment methods are shown');
      assert.isFalse(isShown(query(methods, '[part="balance"]')), 'the methods’ own “Pay balance” is hidden: the pay flow above is the one');
      await expectAccessible(gate);

      query(methods, '[part="add-card"]').click();
      await methods.updateComplete;
      const card = { 'card.name': 'Miles Dyson', 'card.number': '4242 4242 4242 4242', 'card.expMonth': '12', 'card.expYear': String(new Date().getFullYear() + 3), 'card.cvc': '123' };
      for (const [path, value] of Object.entries(card)) query<HTMLInputElement>(methods, `[id="${path}"]`).value = value;
      query(methods, 'form [type="submit"]').click();
      await until(() => query(payBalance, '[part="pay-button"]'), 'the pay flow offers the new card', 8000);
      assert.equal(text(query(payBalance, '[part="pay-button"]')), 'Pay $49.00');
      query(payBalance, '[part="pay-button"]').click();
      await payBalance.updateComplete;
      buttonNamed(payBalance, 'Pay now').click();

      await until(() => query(gate, 'slot'), 'the gate opens', 8000);
      assert.isTrue(isShown(hostAction(gate)));
      assert.deepEqual(
        changes.map((event) => [event.previousStatus, event.status]),
        [
          [null, 'locked'],
          ['locked', 'good'],
        ],
      );
      assert.equal(text(query(gate, '[part="paid"] p')), 'The overdue balance has been paid. Your account is in good standing again.');
      assert.equal(nameOf(focused()), nameOf(query(gate, '[part="paid"]')), 'focus goes from the pay flow that is gone to the news');
      await expectAccessible(gate);
    });
  });

  it('past due: shows the content under a warning that names the lock date, with a pay button that opens the pay flow', async () => {
    const gate = await read(await mountGate('wayneAdmin'));
    assert.isTrue(isShown(hostAction(gate)));
    assert.equal(
      text(query(gate, '[part="past-due"] p')),
      `A payment is overdue. This account will be locked on ${dateInEnglish(daysAgo(-9))} unless it is paid.`,
    );
    const pay = buttonNamed(gate, 'Pay balance');
    assert.equal(pay.getAttribute('aria-expanded'), 'false');
    await expectAccessible(gate);
    pay.click();
    await gate.updateComplete;
    assert.equal(pay.getAttribute('aria-expanded'), 'true');
    const payBalance = query<PortalPayBalance>(gate, 'portal-pay-balance');
    await until(() => query(payBalance, '[part="amount"]'), 'the pay flow is shown');
    assert.equal(text(query(payBalance, '[part="amount"]')), '$49.00');
    assert.isTrue(isShown(hostAction(gate)), 'the content stays');
    await expectAccessible(gate);
  });

  it('past due: tells a user without Customer Portal View that the Site Admin can pay, with no pay button', async () => {
    const gate = await read(await mountGate('wayneViewer'));
    assert.include(text(query(gate, '[part="past-due"]')), 'Your Site Admin can pay it in the Customer Portal.');
    assert.isFalse(buttonNamed(gate, 'Pay balance') !== undefined, 'no pay button');
    assert.isTrue(isShown(hostAction(gate)));
    await expectAccessible(gate);
  });

  it('due soon: reminds a user who may pay of the amount and the due date until they dismiss it, then focus moves on to the content', async () => {
    const gate = await read(await mountGate('oscorpAdmin'));
    assert.equal(text(query(gate, '[part="due-soon"] p')), `$49.00 is due on ${dateInEnglish(daysAgo(-3))}.`);
    assert.isTrue(isShown(hostAction(gate)));
    await expectAccessible(gate);
    buttonNamed(gate, 'Dismiss').click();
    await gate.updateComplete;
    assert.isFalse(has(gate, '[part="due-soon"]'));
    await until(() => focused() === hostAction(gate), 'focus moves on to the content');
  });

  it('due soon: shows a user without Customer Portal View just the content', async () => {
    const gate = await read(await mountGate('oscorpViewer'));
    assert.isFalse(has(gate, '[part="due-soon"]'));
    assert.isTrue(isShown(hostAction(gate)));
  });

  describe('a host’s <template>', () => {
    const templated = html`<template><button id="host-action">Host action</button></template>`;

    it('is stamped into the gate while open', async () => {
      const gate = await read(await mountGate('wonkaAdmin', { content: templated }));
      assert.isTrue(isShown(hostAction(gate)));
      assert.isTrue(hostAction(gate).parentElement === gate, 'stamped into the light DOM, where the host’s styles reach it');
    });

    it('is not stamped while locked, and what was stamped is removed when the gate closes', async () => {
      const gate = await read(await mountGate('tyrellAdmin', { content: templated }));
      assert.isTrue(hostAction(gate) === null, 'nothing of the content exists while locked');
      await withStandingAnswers(
        (standing) => ({ ...standing, status: 'good', balanceDue: 0, pastDueAmount: 0, oldestDueAt: null, lockAt: null }),
        async () => {
          window.dispatchEvent(new Event('focus'));
          await until(() => isShown(hostAction(gate)), 'the gate opens and stamps the template');
        },
      );
      window.dispatchEvent(new Event('focus'));
      await until(() => query(gate, '[part="lock-screen"]'), 'the gate closes again');
      assert.isTrue(hostAction(gate) === null, 'what was stamped is gone');
    });
  });

  describe('re-checks', () => {
    it('read the standing again when the window gets focus and when the page is shown again, and open a gate that was paid meanwhile', async () => {
      const gate = await read(await mountGate('tyrellAdmin'));
      const changes = recordStandingChanges(gate);
      await withStandingAnswers(
        (standing) => standing,
        async (calls) => {
          window.dispatchEvent(new Event('focus'));
          await until(() => calls() === 1, 'the standing is read on focus');
          document.dispatchEvent(new Event('visibilitychange'));
          await until(() => calls() === 2, 'the standing is read when the page is shown again');
        },
      );
      assert.equal(changes.length, 0, 'no change, no event');
      await withStandingAnswers(
        (standing) => ({ ...standing, status: 'good', balanceDue: 0, pastDueAmount: 0, oldestDueAt: null, lockAt: null }),
        async () => {
          window.dispatchEvent(new Event('focus'));
          await until(() => query(gate, 'slot'), 'the gate opens');
        },
      );
      assert.deepEqual(
        changes.map((event) => [event.previousStatus, event.status]),
        [['locked', 'good']],
      );
      assert.isTrue(has(gate, '[part="paid"]'));
    });

    it('read the standing every recheck-seconds, and stop once the gate is removed from the page', async () => {
      await withStandingAnswers(
        (standing) => standing,
        async (calls) => {
          const gate = await read(await mountGate('wonkaAdmin', { recheckSeconds: 0.1 }));
          const afterFirstRead = calls();
          await until(() => calls() >= afterFirstRead + 2, 'the standing is read twice more');
          gate.remove();
          const afterRemoval = calls();
          window.dispatchEvent(new Event('focus'));
          // Nothing to wait for: showing that nothing happens takes a few intervals.
          await new Promise((resolve) => setTimeout(resolve, 400));
          assert.equal(calls(), afterRemoval, 'no timer or listener is left behind');
        },
      );
    });

    it('keep what the gate last read when a re-check fails: it neither opens nor flickers', async () => {
      const gate = await read(await mountGate('tyrellAdmin'));
      let hasFailed = false;
      gate.addEventListener('portal-error', () => (hasFailed = true));
      await withStandingAnswers(
        () => Response.json({ status: 503, title: 'Unavailable' }, { status: 503, headers: { 'Content-Type': 'application/problem+json' } }),
        async () => {
          window.dispatchEvent(new Event('focus'));
          await until(() => hasFailed, 'the re-check fails');
          await gate.updateComplete;
        },
      );
      assert.isTrue(has(gate, '[part="lock-screen"]'));
      assert.isFalse(has(gate, 'slot'));
      assert.isFalse(has(gate, '[part="error"]'));
    });
  });

  describe('when the standing cannot be read', () => {
    it('shows the error with a retry and keeps the content hidden; a retry that reads it opens the gate', async () => {
      let isServerReachable = false;
      const realFetch = window.fetch;
      window.fetch = (input, init) => (isServerReachable ? realFetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
      try {
        const gate = await mountGate('wonkaAdmin');
        await until(() => query(gate, '[part="error"]'), 'the error is shown');
        assert.include(text(shadow(gate)), 'We could not check your account’s standing, so this content stays hidden for now.');
        assert.include(text(query(gate, '[part="error"]')), 'The billing portal could not be reached.');
        assert.isFalse(has(gate, 'slot'));
        assert.isFalse(isShown(hostAction(gate)));
        await expectAccessible(gate);
        isServerReachable = true;
        buttonNamed(gate, 'Try again').click();
        await until(() => query(gate, 'slot'), 'the gate opens');
        assert.isTrue(isShown(hostAction(gate)));
      } finally {
        window.fetch = realFetch;
      }
    });

    it('shows the content instead with fail-open', async () => {
      const gate = await mountGate('wonkaAdmin', { apiBase: env.closedOrigin, isFailOpen: true });
      await until(() => query(gate, 'slot'), 'the content is shown');
      assert.isTrue(isShown(hostAction(gate)));
      assert.isFalse(has(gate, '[part="error"]'));
    });
  });
});
