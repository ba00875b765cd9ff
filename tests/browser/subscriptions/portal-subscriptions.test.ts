import { assert } from '@esm-bundle/chai';
import { html } from 'lit';
import { PortalClient } from '../../../widgets/index.ts';
import type { PortalChangeRequestedEvent, PortalSubscriptions } from '../../../widgets/index.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';

const env = await loadPortalTestEnv();
const asAdmin = async () => env.tokens.hooliAdmin;

const mountSubscriptions = (tokenProvider = asAdmin, locale = 'en-US') =>
  mount<PortalSubscriptions>(
    html`<portal-subscriptions api-base=${env.origin} locale=${locale} .tokenProvider=${tokenProvider}></portal-subscriptions>`,
  );

const text = (element: Element) => shadow(element).textContent!.replace(/\s+/g, ' ');
const query = <T extends Element>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const buttonNamed = (element: Element, name: string) =>
  [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.trim() === name);
const isLoaded = (element: Element) => query(element, '[part="subscription"]') !== null;

function choose(element: Element, id: string, value: string) {
  const select = query<HTMLSelectElement>(element, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function send(element: PortalSubscriptions) {
  query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
  await element.updateComplete;
  await until(() => !query<HTMLButtonElement>(element, 'form button[type="submit"]')?.disabled, 'the request has been answered');
  await element.updateComplete;
}

describe('<portal-subscriptions>', () => {
  afterEach(unmountAll);

  it('shows the plan, its rate, interval, terms, next invoice and status, with the features and their prices', async () => {
    const element = await mountSubscriptions();
    assert.ok(query(element, '[part="skeleton"]'));
    await expectAccessible(element);
    await until(() => isLoaded(element), 'the subscriptions are shown');
    const shown = text(element);
    for (const expected of [
      'Pro',
      'Active',
      '$49.00 per month',
      'Monthly',
      'Invoiced monthly in advance',
      'Net 30',
      'Next invoice',
      'Glaxis',
      '$15.00 per month',
      'Web API',
      '$25.00 per month',
    ]) {
      assert.include(shown, expected);
    }
    assert.ok(buttonNamed(element, 'Request Web API'), 'the add-on can be requested');
    assert.notOk(buttonNamed(element, 'Request Glaxis'), 'an included feature is not offered again');
    assert.include(shown, 'Email support@vendor.test');
    assert.include(shown, 'Call +1 800 555 0100');
    await expectAccessible(element);
  });

  it('asks for a missing message right beside the field', async () => {
    const element = await mountSubscriptions();
    await until(() => isLoaded(element), 'the subscriptions are shown');
    buttonNamed(element, 'Request a change')!.click();
    await element.updateComplete;
    choose(element, 'kind', 'other');
    await element.updateComplete;
    await send(element);
    assert.equal(query(element, '#message-error').textContent, 'Say what you would like to change.');
    assert.equal(shadow(element).activeElement, query(element, '#message'));
    await expectAccessible(element);
  });

  it('sends a request for an add-on, shows it as pending, announces it and fires portal-change-requested', async () => {
    const element = await mountSubscriptions();
    const requested: PortalChangeRequestedEvent[] = [];
    element.addEventListener('portal-change-requested', (event) => requested.push(event));
    await until(() => isLoaded(element), 'the subscriptions are shown');
    buttonNamed(element, 'Request Web API')!.click();
    await element.updateComplete;
    assert.equal(query<HTMLSelectElement>(element, '#kind').value, 'add_feature');
    assert.equal(query<HTMLSelectElement>(element, '#featureName').value, 'Web API');
    await expectAccessible(element);
    await send(element);
    await until(() => !query(element, 'form'), 'the form has closed');
    assert.include(text(element), 'Add a premium feature: Web API');
    assert.include(text(element), 'Pending');
    assert.notOk(buttonNamed(element, 'Request Web API'), 'a pending add-on is not offered twice');
    await until(() => query(element, '[role="status"]').textContent!.startsWith('Request sent.'), 'the request is announced');
    assert.equal(requested[0]?.request.featureName, 'Web API');
    const stored = await new PortalClient({ apiBase: env.origin, tokenProvider: asAdmin }).listSubscriptionRequests();
    assert.deepEqual(stored.data.map((request) => [request.kind, request.featureName, request.status]), [['add_feature', 'Web API', 'pending']]);
  });

  it('says so when the same request is already pending', async () => {
    const element = await mountSubscriptions();
    await until(() => isLoaded(element), 'the subscriptions are shown');
    buttonNamed(element, 'Request a change')!.click();
    await element.updateComplete;
    choose(element, 'kind', 'add_feature');
    await element.updateComplete;
    choose(element, 'featureName', 'Web API');
    await element.updateComplete;
    await send(element);
    assert.include(text(element), 'This request is already waiting for our team.');
  });

  it('speaks German with a German locale', async () => {
    const element = await mountSubscriptions(asAdmin, 'de-DE');
    await until(() => isLoaded(element), 'the subscriptions are shown');
    await until(() => text(element).includes('Meine Abonnements'), 'the German catalogue is loaded');
    assert.include(text(element), '49,00 $ pro Monat');
    assert.include(text(element), 'Zahlungsbedingungen');
  });

  it('tells a user without Customer Portal View that they need it', async () => {
    const element = await mountSubscriptions(async () => env.tokens.hooliViewer);
    await until(() => query(element, '[part="error"]'), 'the error is shown');
    assert.include(text(element), 'You need the Customer Portal View permission');
    await expectAccessible(element);
  });
});
