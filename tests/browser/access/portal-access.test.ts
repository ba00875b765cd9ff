import { assert } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { PortalClient } from '../../../widgets/index.ts';
import type { PortalAccess, PortalAccessChangedEvent } from '../../../widgets/index.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';
import { testUsers } from '../support/test-accounts.ts';

const env = await loadPortalTestEnv();
const asAdmin = async () => env.tokens.umbrellaAdmin;
const asBilling = async () => env.tokens.umbrellaBilling;
const asViewer = async () => env.tokens.umbrellaViewer;
const { umbrellaAdmin: admin, umbrellaBilling: billing, umbrellaViewer: viewer } = testUsers;
const server = new PortalClient({ apiBase: env.origin, tokenProvider: asAdmin });

const mountAccess = (tokenProvider = asAdmin, locale = 'en-US') =>
  mount<PortalAccess>(html`<portal-access api-base=${env.origin} locale=${locale} .tokenProvider=${tokenProvider}></portal-access>`);

const text = (node: Node) => node.textContent!.replace(/\s+/g, ' ');
const query = <T extends Element>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const isLoaded = (element: Element) => query(element, '[part="table"]') !== null;
const rows = (element: Element) => [...shadow(element).querySelectorAll<HTMLTableRowElement>('tr[part="row"]')];
const rowOf = (element: Element, name: string) => rows(element).find((row) => row.querySelector('th')!.textContent!.includes(name))!;
const switchOf = (element: Element, name: string) => rowOf(element, name).querySelector<HTMLButtonElement>('[role="switch"]')!;
const announced = (element: Element) => query(element, '[role="status"]').textContent;
const button = (element: Element, label: string) =>
  [...shadow(element).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label)!;
const serverView = async (sub: string) => (await server.listAccessUsers()).data.find((user) => user.sub === sub);

async function loaded(element: PortalAccess): Promise<PortalAccess> {
  await until(() => isLoaded(element), 'the users are listed');
  return element;
}

/** Puts umbrella back as the test accounts provision it, whatever a test gave, removed or deleted. */
async function restoreUmbrella(): Promise<void> {
  for (const user of [billing, viewer]) {
    await server.setPortalAccess(user.sub, { portalAccess: user.hasPortalAccess, name: user.name, email: user.email });
  }
}

describe('<portal-access>', () => {
  afterEach(async () => {
    unmountAll();
    await restoreUmbrella();
  });

  it('shows a placeholder while loading, then every user and their access, the Site Admin first', async () => {
    const element = await mountAccess();
    assert.ok(query(element, '[part="skeleton"]'), 'a skeleton while loading');
    await expectAccessible(element);
    await loaded(element);
    const [first, second, third] = rows(element).map(text);
    assert.equal(rows(element).length, 3);
    assert.include(first, admin.name);
    assert.include(first, '(you)');
    assert.include(first, 'Site Admin');
    assert.include(first, 'The Site Admin always has access and cannot be removed.');
    assert.include(second, billing.name);
    assert.include(second, billing.email);
    assert.equal(switchOf(element, billing.name).getAttribute('aria-checked'), 'true');
    const grantedAt = (await serverView(billing.sub))!.grantedAt!;
    assert.include(second, `Given by ${admin.name} on ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(grantedAt))}`);
    assert.include(third, viewer.name);
    assert.include(third, 'No access');
    assert.equal(switchOf(element, viewer.name).getAttribute('aria-checked'), 'false');
    assert.include(text(query(element, '[part="intro"]')), 'Customer Portal View permission can see and change');
    await expectAccessible(element);
  });

  it('gives the Site Admin’s row a badge and an explanation instead of a switch', async () => {
    const element = await loaded(await mountAccess());
    const siteAdminRow = rowOf(element, admin.name);
    assert.equal(siteAdminRow.querySelector('[part="site-admin-badge"]')?.textContent, 'Site Admin');
    assert.equal(siteAdminRow.querySelector('[part="site-admin-note"]')?.textContent, 'The Site Admin always has access and cannot be removed.');
    assert.isNull(siteAdminRow.querySelector('button'), 'nothing to press in the Site Admin’s row');
    assert.equal(shadow(element).querySelectorAll('[role="switch"]').length, 2);
  });

  it('gives access, announces it, fires portal-access-changed and the server holds it', async () => {
    const element = await loaded(await mountAccess());
    const changes: PortalAccessChangedEvent[] = [];
    document.body.addEventListener('portal-access-changed', (event) => changes.push(event), { once: true });
    switchOf(element, viewer.name).click();
    await until(() => announced(element) === `Access given to ${viewer.name}.`, 'the change is announced');
    assert.equal(switchOf(element, viewer.name).getAttribute('aria-checked'), 'true');
    assert.include(text(rowOf(element, viewer.name)), `Given by ${admin.name} on`);
    assert.deepEqual(
      changes.map(({ sub, hasPortalAccess }) => ({ sub, hasPortalAccess })),
      [{ sub: viewer.sub, hasPortalAccess: true }],
      'one event, heard outside the element',
    );
    const stored = await serverView(viewer.sub);
    assert.isTrue(stored?.hasPortalAccess);
    assert.equal(stored?.grantedBy, admin.name);
  });

  it('removes access, announces it and the server holds it', async () => {
    const element = await loaded(await mountAccess());
    switchOf(element, billing.name).click();
    await until(() => announced(element) === `Access removed from ${billing.name}.`, 'the change is announced');
    assert.equal(switchOf(element, billing.name).getAttribute('aria-checked'), 'false');
    assert.include(text(rowOf(element, billing.name)), 'No access');
    assert.isFalse((await serverView(billing.sub))?.hasPortalAccess);
  });

  it('is reached with Tab and switched with Space and Enter, keeping the focus', async () => {
    const element = await loaded(await mountAccess());
    const target = switchOf(element, viewer.name);
    for (let presses = 0; presses < 5 && shadow(element).activeElement !== target; presses++) await sendKeys({ press: 'Tab' });
    assert.equal(shadow(element).activeElement, target, 'Tab reaches the switch');
    await sendKeys({ press: 'Space' });
    await until(() => announced(element) === `Access given to ${viewer.name}.`, 'Space gives access');
    assert.isTrue((await serverView(viewer.sub))?.hasPortalAccess);
    assert.equal(shadow(element).activeElement, target, 'the focus stays on the switch');
    await sendKeys({ press: 'Enter' });
    await until(() => announced(element) === `Access removed from ${viewer.name}.`, 'Enter removes it again');
    assert.isFalse((await serverView(viewer.sub))?.hasPortalAccess);
  });

  it('asks before you remove your own access, and keeps it when you cancel', async () => {
    const element = await loaded(await mountAccess(asBilling));
    const ownSwitch = switchOf(element, billing.name);
    ownSwitch.click();
    await element.updateComplete;
    const confirm = query(element, '[part="confirm"]');
    assert.include(text(confirm), 'Remove your own access?');
    assert.equal(shadow(element).activeElement, button(element, 'Remove my access'), 'the focus moves to the question');
    await expectAccessible(element);
    button(element, 'Cancel').click();
    await element.updateComplete;
    assert.isNull(query(element, '[part="confirm"]'));
    assert.equal(shadow(element).activeElement, ownSwitch, 'the focus returns to the switch');
    assert.isTrue((await serverView(billing.sub))?.hasPortalAccess);
  });

  it('removes your own access once you confirm, and then shows that you need it', async () => {
    const element = await loaded(await mountAccess(asBilling));
    const changes: PortalAccessChangedEvent[] = [];
    element.addEventListener('portal-access-changed', (event) => changes.push(event));
    switchOf(element, billing.name).click();
    await element.updateComplete;
    button(element, 'Remove my access').click();
    await until(() => query(element, '[part="error"]'), 'the forbidden error is shown');
    assert.include(text(query(element, '[part="error"]')), 'You need the Customer Portal View permission');
    await until(() => announced(element) === `Access removed from ${billing.name}.`, 'the change is announced');
    assert.deepEqual(changes.map(({ sub, hasPortalAccess }) => ({ sub, hasPortalAccess })), [{ sub: billing.sub, hasPortalAccess: false }]);
    assert.isFalse((await serverView(billing.sub))?.hasPortalAccess);
  });

  it('shows a refused change in its row and announces it', async () => {
    const element = await loaded(await mountAccess(asBilling));
    await server.setPortalAccess(billing.sub, { portalAccess: false });
    const target = switchOf(element, viewer.name);
    target.click();
    await until(() => query(element, '[part="row-error"]'), 'the error is shown');
    const rowError = query(element, '[part="row-error"]');
    assert.isTrue(rowOf(element, viewer.name).nextElementSibling!.contains(rowError), 'right below the user’s row');
    assert.include(rowError.textContent, 'You need the Customer Portal View permission');
    assert.equal(target.getAttribute('aria-describedby'), rowError.id, 'the switch is described by its error');
    assert.equal(target.getAttribute('aria-checked'), 'false');
    await until(() => announced(element) === rowError.textContent, 'the error is announced');
    assert.isFalse((await serverView(viewer.sub))?.hasPortalAccess);
    await expectAccessible(element);
  });

  it('tells a user without Customer Portal View that they need it, with a retry', async () => {
    const element = await mountAccess(asViewer);
    await until(() => query(element, '[part="error"]'), 'the error is shown');
    assert.include(text(query(element, '[part="error"]')), 'You need the Customer Portal View permission');
    assert.ok(button(element, 'Try again'));
    assert.isNull(query(element, '[part="table"]'));
    await expectAccessible(element);
  });

  it('says nobody else has opened the portal yet when the Site Admin is alone, and refreshes', async () => {
    await server.removeAccessUser(billing.sub);
    await server.removeAccessUser(viewer.sub);
    const element = await loaded(await mountAccess());
    assert.equal(rows(element).length, 1);
    assert.include(text(query(element, '[part="empty"]')), 'People appear here after their first visit');
    await expectAccessible(element);
    await server.setPortalAccess(viewer.sub, { portalAccess: false, name: viewer.name, email: viewer.email });
    button(element, 'Refresh list').click();
    await until(() => rows(element).length === 2, 'the newcomer is listed');
    assert.isNull(query(element, '[part="empty"]'));
  });

  it('speaks German when its locale says so', async () => {
    const element = await loaded(await mountAccess(asAdmin, 'de-DE'));
    await until(() => text(shadow(element)).includes('Zugriff auf das Kundenportal'), 'the German catalogue is loaded');
    assert.include(text(rowOf(element, admin.name)), 'Der Site Admin hat immer Zugriff und kann nicht entfernt werden.');
    assert.include(text(rowOf(element, billing.name)), `Freigegeben von ${admin.name} am`);
    assert.equal(switchOf(element, viewer.name).getAttribute('aria-label'), `„Kundenportal anzeigen“ für ${viewer.name}`);
  });

  it('fits 360 px without scrolling sideways, with switches of at least 24 × 24 px', async () => {
    await setViewport({ width: 360, height: 800 });
    try {
      const element = await loaded(await mountAccess());
      assert.isAtMost(document.documentElement.scrollWidth, 360);
      assert.isAtMost(query(element, '[part="table"]').getBoundingClientRect().right, query(element, '[part="card"]').getBoundingClientRect().right);
      for (const toggle of shadow(element).querySelectorAll('[role="switch"]')) {
        const { width, height } = toggle.getBoundingClientRect();
        assert.isAtLeast(Math.min(width, height), 24);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
