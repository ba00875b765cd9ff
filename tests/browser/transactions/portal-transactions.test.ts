import { assert } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Transaction } from '../../../contract/transaction.ts';
import { PortalClient } from '../../../widgets/index.ts';
import type { PortalDocumentSentEvent, PortalTransactions } from '../../../widgets/index.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { captureDownloads, type Download, magicOf } from '../support/downloads.ts';
import { vandelay } from '../support/history-account.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';

const env = await loadPortalTestEnv();
const asVandelay = async () => env.tokens.vandelayAdmin;
const server = new PortalClient({ apiBase: env.origin, tokenProvider: asVandelay });

const mountTransactions = ({ pageSize = 25, tokenProvider = asVandelay, locale = 'en-US' } = {}) =>
  mount<PortalTransactions>(
    html`<portal-transactions api-base=${env.origin} locale=${locale} page-size=${pageSize} .tokenProvider=${tokenProvider}></portal-transactions>`,
  );

const text = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
const query = <T extends Element = HTMLElement>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const rows = (element: Element) => [...shadow(element).querySelectorAll<HTMLTableRowElement>('tr[part="row"]')];
const cellsOf = (row: HTMLTableRowElement) => [...row.querySelectorAll('th, td:not(.actions)')].map(text);
const buttonIn = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((button) => text(button) === name)!;
const announced = (element: Element) => query(element, '[role="status"]').textContent;

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const kinds = { payment: 'Payment', failed_payment: 'Failed payment', refund: 'Refund', credit: 'Credit' };
const statuses = { succeeded: 'Succeeded', failed: 'Failed', pending: 'Pending' };
/** A row as the element should show it: date, type, method, amount, status (and why it failed), reference. */
const shown = (transaction: Transaction) => [
  day.format(new Date(transaction.occurredAt)),
  kinds[transaction.kind],
  transaction.methodLabel ?? '',
  dollars.format(transaction.amount / 100),
  [statuses[transaction.status], transaction.failureReason].filter(Boolean).join(' '),
  transaction.reference,
];

async function loaded(element: PortalTransactions, count?: number): Promise<PortalTransactions> {
  await until(() => (count === undefined ? rows(element).length > 0 : rows(element).length === count), `${count ?? 'some'} transactions are listed`);
  await until(() => !query(element, 'table[aria-busy="true"]'), 'the list is no longer busy');
  return element;
}

async function filterByKind(element: PortalTransactions, kind: string): Promise<void> {
  const select = query<HTMLSelectElement>(element, 'select[name="kind"]');
  select.value = kind;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

describe('<portal-transactions>', () => {
  let capture: ReturnType<typeof captureDownloads>;
  beforeEach(() => (capture = captureDownloads()));
  afterEach(async () => {
    capture.stop();
    unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows a placeholder while loading, then the transactions newest first: date, type, method, amount, status, reference', async () => {
    const element = await mountTransactions();
    assert.ok(query(element, '[part="skeleton"]'), 'a skeleton while loading');
    await loaded(element, 25);
    const expected = (await server.listTransactions({ limit: 25 })).data;
    assert.deepEqual(rows(element).map(cellsOf), expected.map(shown));
    assert.deepEqual(
      [...shadow(element).querySelectorAll('thead th')].map(text),
      ['Date', 'Type', 'Method', 'Amount', 'Status', 'Reference', 'Actions'],
    );
    assert.equal(text(query(element, 'h2')), 'My Transaction History');
    await expectAccessible(element);
  });

  it('shows each kind with its method label, and why a payment failed', async () => {
    const element = await loaded(await mountTransactions());
    await filterByKind(element, 'failed_payment');
    await loaded(element, 1);
    const [failed] = rows(element) as [HTMLTableRowElement];
    assert.deepEqual(cellsOf(failed).slice(1, 5), ['Failed payment', 'Mastercard ·· 4444', '$97.90', 'Failed Insufficient funds.']);
    assert.include(failed.querySelector('[part="status"]')!.className, 'bad', 'the status is coloured too, not only worded');
    await filterByKind(element, 'refund');
    await until(() => cellsOf(rows(element)[0]!)[1] === 'Refund', 'the refund is listed');
    assert.lengthOf(rows(element), 1);
    assert.deepEqual(cellsOf(rows(element)[0]!).slice(2, 5), ['Visa ·· 4242', '$97.90', 'Succeeded']);
    await filterByKind(element, 'credit');
    await until(() => cellsOf(rows(element)[0]!)[1] === 'Credit', 'the credit is listed');
    assert.deepEqual(cellsOf(rows(element)[0]!).slice(2, 4), ['', '$10.00'], 'a credit has no method');
    await filterByKind(element, 'payment');
    await loaded(element, 25);
    assert.deepEqual([...new Set(rows(element).map((row) => cellsOf(row).slice(1, 3).join(' ')))], ['Payment Visa ·· 4242']);
    await expectAccessible(element);
  });

  it('narrows the list to a date range', async () => {
    const element = await loaded(await mountTransactions());
    const [newest] = (await server.listTransactions({ limit: 1 })).data;
    const date = newest!.occurredAt.slice(0, 10);
    for (const name of ['from', 'to']) {
      const input = query<HTMLInputElement>(element, `[name="${name}"]`);
      input.value = date;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await loaded(element, (await server.listTransactions({ from: date, to: date })).data.length);
    assert.deepEqual(rows(element).map((row) => cellsOf(row)[5]), [newest!.reference]);
  });

  it('appends the next page below when Load more is pressed', async () => {
    const element = await loaded(await mountTransactions({ pageSize: 10 }), 10);
    buttonIn(shadow(element), 'Load more').click();
    await loaded(element, 20);
    const expected = (await server.listTransactions({ limit: 20 })).data;
    assert.deepEqual(rows(element).map(cellsOf), expected.map(shown));
  });

  it('resends a receipt to the addresses given and says so', async () => {
    const element = await loaded(await mountTransactions());
    const sent: PortalDocumentSentEvent[] = [];
    element.addEventListener('portal-document-sent', (event) => sent.push(event));
    const [row] = rows(element) as [HTMLTableRowElement];
    const reference = cellsOf(row)[5];
    buttonIn(row, 'Resend').click();
    await until(() => query<HTMLDialogElement>(element, 'dialog').open, 'the dialog opens');
    assert.equal(text(query(element, 'dialog h3')), `Resend Payment ${reference}`);
    query<HTMLInputElement>(element, '#to').value = 'art@vandelay.test, kramer@vandelay.test';
    buttonIn(query(element, 'dialog'), 'Send').click();
    const outcome = `Payment ${reference} sent to art@vandelay.test, kramer@vandelay.test.`;
    await until(() => query(element, '[part="notice"]'), 'the outcome is shown');
    assert.equal(text(query(element, '[part="notice"]')), outcome);
    await until(() => announced(element) === outcome, 'the outcome is announced');
    assert.deepEqual(sent.map(({ list, to }) => ({ list, to })), [{ list: 'transactions', to: ['art@vandelay.test', 'kramer@vandelay.test'] }]);
  });

  it('refuses more than five recipients with the server’s reason', async () => {
    const element = await loaded(await mountTransactions());
    buttonIn(rows(element)[1]!, 'Resend').click();
    await until(() => query<HTMLDialogElement>(element, 'dialog').open, 'the dialog opens');
    query<HTMLInputElement>(element, '#to').value = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}@vandelay.test`).join(',');
    buttonIn(query(element, 'dialog'), 'Send').click();
    await until(() => query(element, '#to-error'), 'the refusal is shown');
    assert.equal(text(query(element, '#to-error')), 'At most 5 addresses.');
    await expectAccessible(element);
  });

  it('exports the list to PDF and downloads it', async () => {
    const element = await loaded(await mountTransactions());
    query<HTMLButtonElement>(element, '[part="export"]').click();
    await element.updateComplete;
    buttonIn(query(element, '[part="export-menu"]'), 'PDF').click();
    await until(() => capture.downloads.length > 0, 'the export is downloaded');
    const [file] = capture.downloads as [Download];
    assert.match(file.fileName, new RegExp(`^${vandelay.id}-transactions-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    assert.equal(file.blob.type, 'application/pdf');
    assert.equal(await magicOf(file.blob, 5), '%PDF-');
  });

  it('becomes a list of cards in a 360 px wide pane, with nothing to scroll sideways', async () => {
    await setViewport({ width: 360, height: 800 });
    const element = await loaded(await mountTransactions({ pageSize: 10 }));
    assert.notEqual(getComputedStyle(rows(element)[0]!).display, 'table-row', 'rows are cards');
    assert.isAtMost(document.documentElement.scrollWidth, 360);
    await expectAccessible(element);
  });

  it('fits its pane at every width, as cards or as a table, in German too', async () => {
    await setViewport({ width: 1300, height: 800 });
    const pane = await mount<HTMLDivElement>(
      // A host's sans-serif, wider than the test page's default serif.
      html`<div style="font-family: system-ui, sans-serif">
        <portal-transactions api-base=${env.origin} locale="de-DE" page-size="25" .tokenProvider=${asVandelay}></portal-transactions>
      </div>`,
    );
    const element = pane.querySelector('portal-transactions')!;
    await loaded(element, 25);
    await until(() => text(query(element, 'h2')) === 'Meine Transaktionen', 'the German catalogue is loaded');
    for (const width of [360, 480, 640, 800, 960, 1000, 1100, 1280]) {
      pane.style.inlineSize = `${width}px`;
      const card = query(element, 'section');
      const widest = Math.max(...[...shadow(element).querySelectorAll('table, tr, th, td, button, form')].map((node) => node.getBoundingClientRect().right));
      assert.isAtMost(widest, card.getBoundingClientRect().right, `nothing sticks out at ${width} px`);
    }
  });

  it('says so when the account has no transactions', async () => {
    const element = await mountTransactions({ tokenProvider: async () => env.tokens.acmeAdmin });
    await until(() => query(element, '[part="empty"]'), 'the empty state is shown');
    assert.equal(text(query(element, '[part="empty"] p')), 'No transactions yet.');
    await expectAccessible(element);
  });

  it('speaks German', async () => {
    const element = await loaded(await mountTransactions({ locale: 'de-DE' }));
    await filterByKind(element, 'failed_payment');
    await loaded(element, 1);
    await until(() => text(query(element, 'h2')) === 'Meine Transaktionen', 'the German catalogue is loaded');
    assert.deepEqual(cellsOf(rows(element)[0]!).slice(1, 5), ['Fehlgeschlagene Zahlung', 'Mastercard ·· 4444', '97,90 $', 'Fehlgeschlagen Insufficient funds.']);
  });
});
