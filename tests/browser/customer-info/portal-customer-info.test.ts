import { assert } from '@esm-bundle/chai';
import { html } from 'lit';
import { PortalClient } from '../../../widgets/index.ts';
import type { PortalCustomerInfo } from '../../../widgets/index.ts';
import type { PortalSavedEvent } from '../../../widgets/events/portal-saved-event.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';

const env = await loadPortalTestEnv();
const asAdmin = async () => env.tokens.initechAdmin;
const asViewer = async () => env.tokens.initechViewer;

const mountInfo = (tokenProvider = asAdmin, locale = 'en-US') =>
  mount<PortalCustomerInfo>(html`<portal-customer-info api-base=${env.origin} locale=${locale} .tokenProvider=${tokenProvider}></portal-customer-info>`);

const text = (element: Element) => shadow(element).textContent!.replace(/\s+/g, ' ');
const query = <T extends Element>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const isLoaded = (element: Element) => query(element, '[part="customer-key"]') !== null;

async function openForm(element: PortalCustomerInfo) {
  await until(() => isLoaded(element), 'the customer is shown');
  query<HTMLButtonElement>(element, '[part="edit-button"]').click();
  await element.updateComplete;
}

function type(element: Element, fieldId: string, value: string) {
  const input = query<HTMLInputElement>(element, `[id="${fieldId}"]`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function save(element: PortalCustomerInfo) {
  query<HTMLButtonElement>(element, '[part="save-button"]').click();
  await element.updateComplete;
  await until(() => !query<HTMLButtonElement>(element, '[part="save-button"]')?.disabled, 'the save has finished');
  await element.updateComplete;
}

describe('<portal-customer-info>', () => {
  afterEach(unmountAll);

  it('shows a placeholder that reserves its space, then the company, Customer Key, address and contacts', async () => {
    const element = await mountInfo();
    assert.ok(query(element, '[part="skeleton"]'), 'a skeleton while loading');
    await expectAccessible(element);
    await until(() => isLoaded(element), 'the customer is shown');
    const shown = text(element);
    assert.include(shown, 'Initech LLC');
    assert.match(query(element, '.key').textContent!, /^CK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.include(shown, 'Support asks for this key');
    assert.include(shown, '4120 Freidrich Lane');
    assert.include(shown, 'Bill Lumbergh');
    assert.include(shown, 'United States');
    await expectAccessible(element);
  });

  it('takes its connection and locale from a surrounding <portal-provider>', async () => {
    const provider = await mount<HTMLElement>(
      html`<portal-provider api-base=${env.origin} locale="de-DE" .tokenProvider=${asAdmin}><portal-customer-info></portal-customer-info></portal-provider>`,
    );
    const element = provider.querySelector('portal-customer-info')!;
    await until(() => isLoaded(element), 'the customer is shown');
    await until(() => text(element).includes('Meine Kundendaten'), 'the German catalogue is loaded');
    assert.include(text(element), 'Kundenschlüssel');
    assert.include(text(element), 'Vereinigte Staaten');
  });

  it('copies the Customer Key and says so', async () => {
    const element = await mountInfo();
    await until(() => isLoaded(element), 'the customer is shown');
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (value: string) => void copied.push(value) } });
    try {
      query<HTMLButtonElement>(element, '[part="copy-button"]').click();
      await until(() => query(element, '[role="status"]').textContent === 'Customer Key copied.', 'the copy is announced');
      assert.deepEqual(copied, [query(element, '.key').textContent]);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('saves an edit, announces it, fires portal-saved and shows what the server now holds', async () => {
    const element = await mountInfo();
    const saved: PortalSavedEvent[] = [];
    element.addEventListener('portal-saved', (event) => saved.push(event));
    await openForm(element);
    await expectAccessible(element);
    type(element, 'companyName', 'Initech Holdings LLC');
    type(element, 'billingContact.phone', '+1 512 555 0100');
    await save(element);
    await until(() => !query(element, 'form'), 'the form has closed');
    assert.include(text(element), 'Initech Holdings LLC');
    await until(() => query(element, '[role="status"]').textContent === 'Customer information saved.', 'the save is announced');
    assert.equal(saved.length, 1);
    assert.equal(saved[0]!.resource, 'customer');
    const client = new PortalClient({ apiBase: env.origin, tokenProvider: asAdmin });
    const stored = (await client.getCustomer()).data;
    assert.equal(stored.companyName, 'Initech Holdings LLC');
    assert.equal(stored.billingContact?.phone, '+1 512 555 0100');
  });

  it('shows the server’s field errors beside the fields, marks them invalid and moves focus there', async () => {
    const element = await mountInfo();
    await openForm(element);
    type(element, 'address.postalCode', '123');
    type(element, 'billingContact.email', 'bill-at-initech');
    await save(element);
    const postalCode = query<HTMLInputElement>(element, '[id="address.postalCode"]');
    assert.equal(postalCode.getAttribute('aria-invalid'), 'true');
    assert.equal(query(element, '[id="address.postalCode-error"]').textContent, 'Use a postal code like 94105 or 94105-1234.');
    assert.equal(query(element, '[id="billingContact.email-error"]').textContent, 'Use a valid email address.');
    assert.equal(shadow(element).activeElement, postalCode);
    assert.include(text(element), 'Some fields need attention.');
    await expectAccessible(element);
  });

  it('adapts the address fields to the country', async () => {
    const element = await mountInfo();
    await openForm(element);
    assert.equal(query(element, 'label[for="address.region"]').textContent!.trim(), 'State');
    assert.equal(query(element, 'label[for="address.postalCode"]').textContent!.trim(), 'ZIP code');
    const country = query<HTMLSelectElement>(element, '[id="address.country"]');
    country.value = 'GB';
    country.dispatchEvent(new Event('change'));
    await element.updateComplete;
    assert.equal(query(element, 'label[for="address.postalCode"]').textContent!.trim(), 'Postcode');
    assert.equal(query(element, 'label[for="address.region"]').textContent!.trim(), 'State / province / region (optional)');
  });

  it('never overwrites a change someone else saved in between: it says so and offers to reload', async () => {
    const element = await mountInfo();
    await openForm(element);
    const someoneElse = new PortalClient({ apiBase: env.origin, tokenProvider: asAdmin });
    const current = await someoneElse.getCustomer();
    await someoneElse.updateCustomer({ companyName: 'Initech (renamed by a colleague)' }, current.etag);
    type(element, 'companyName', 'Initech (my change)');
    await save(element);
    assert.include(text(element), 'Someone else saved changes');
    assert.equal(query<HTMLInputElement>(element, '[id="companyName"]').value, 'Initech (my change)', 'the edits stay in the form');
    assert.equal((await someoneElse.getCustomer()).data.companyName, 'Initech (renamed by a colleague)');
    await expectAccessible(element);
    const reload = [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Reload')!;
    reload.click();
    await until(() => !query(element, 'form') && text(element).includes('renamed by a colleague'), 'the colleague’s version is shown');
  });

  it('tells a user without Customer Portal View that they need it, with a retry', async () => {
    const element = await mountInfo(asViewer);
    await until(() => query(element, '[part="error"]'), 'the error is shown');
    assert.include(text(element), 'You need the Customer Portal View permission');
    assert.ok([...shadow(element).querySelectorAll('button')].some((button) => button.textContent!.trim() === 'Try again'));
    await expectAccessible(element);
  });

  it('says it is not connected when it has no api-base', async () => {
    const element = await mount<PortalCustomerInfo>(html`<portal-customer-info locale="en-US"></portal-customer-info>`);
    await until(() => query(element, '[part="error"]'), 'the error is shown');
    assert.include(text(element), 'not connected');
  });
});
