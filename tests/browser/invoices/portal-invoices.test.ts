import { assert } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { InvoiceSummary } from '../../../contract/invoice.ts';
import { PortalClient } from '../../../widgets/index.ts';
import type { PortalDocumentSentEvent, PortalExportReadyEvent, PortalInvoices } from '../../../widgets/index.ts';
import { expectAccessible, mount, shadow, unmountAll, until } from '../support/dom.ts';
import { captureDownloads, type Download, magicOf } from '../support/downloads.ts';
import { invoiceCount, vandelay } from '../support/history-account.ts';
import { loadPortalTestEnv } from '../support/portal-test-env.ts';

const env = await loadPortalTestEnv();
const asVandelay = async () => env.tokens.vandelayAdmin;
const server = new PortalClient({ apiBase: env.origin, tokenProvider: asVandelay });
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const newest = `VA-${String(invoiceCount).padStart(4, '0')}`;

const mountInvoices = ({ pageSize = 25, tokenProvider = asVandelay, locale = 'en-US', apiBase = env.origin } = {}) =>
  mount<PortalInvoices>(
    html`<portal-invoices api-base=${apiBase} locale=${locale} page-size=${pageSize} .tokenProvider=${tokenProvider}></portal-invoices>`,
  );

const text = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
const texts = (nodes: Iterable<Node>) => [...nodes].map(text).join(' ');
const query = <T extends Element = HTMLElement>(element: Element, selector: string) => shadow(element).querySelector<T>(selector)!;
const rows = (element: Element) => [...shadow(element).querySelectorAll<HTMLTableRowElement>('tr[part="row"]')];
const numbers = (element: Element) => rows(element).map((row) => text(row.querySelector('th')!));
const rowOf = (element: Element, number: string) => rows(element).find((row) => text(row.querySelector('th')!) === number)!;
const buttonIn = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((button) => text(button) === name)!;
const announced = (element: Element) => query(element, '[role="status"]').textContent;
// Booleans rather than nodes: a failed comparison of two nodes stalls the test runner's error report.
const hasFocus = (element: Element, node: Element | null) => shadow(element).activeElement === node;

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
/** A row as the element should show it: number, date, due date, amount, status. */
const shown = (invoice: InvoiceSummary) => [
  invoice.number,
  day.format(new Date(`${invoice.issuedAt}T00:00:00Z`)),
  day.format(new Date(`${invoice.dueAt}T00:00:00Z`)),
  dollars.format(invoice.total / 100),
  invoice.isPastDue ? 'Past due' : invoice.status === 'paid' ? 'Paid' : 'Open',
];
const cellsOf = (row: HTMLTableRowElement) => [...row.querySelectorAll('th, td:not(.actions)')].map(text);

async function loaded(element: PortalInvoices, count?: number): Promise<PortalInvoices> {
  await until(() => (count === undefined ? rows(element).length > 0 : rows(element).length === count), `${count ?? 'some'} invoices are listed`);
  await until(() => !query(element, 'table[aria-busy="true"]'), 'the list is no longer busy');
  return element;
}

/** Sets a filter field the way a user does: a new value, then the change event. */
async function filter(element: PortalInvoices, name: string, value: string): Promise<void> {
  const field = query<HTMLInputElement | HTMLSelectElement>(element, `[name="${name}"]`);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

async function openMenuAndChoose(element: PortalInvoices, format: string): Promise<void> {
  query<HTMLButtonElement>(element, '[part="export"]').click();
  await element.updateComplete;
  buttonIn(query(element, '[part="export-menu"]'), format).click();
  await element.updateComplete;
}

describe('<portal-invoices>', () => {
  let capture: ReturnType<typeof captureDownloads>;
  beforeEach(() => (capture = captureDownloads()));
  afterEach(async () => {
    capture.stop();
    unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows a placeholder while loading, then the invoices newest first with their dates, amounts and status', async () => {
    const element = await mountInvoices();
    assert.ok(query(element, '[part="skeleton"]'), 'a skeleton while loading');
    await expectAccessible(element);
    await loaded(element, 25);
    const expected = (await server.listInvoices({ limit: 25 })).data;
    assert.deepEqual(rows(element).map(cellsOf), expected.map(shown));
    assert.deepEqual(cellsOf(rows(element)[0]!), expected.map(shown)[0]);
    assert.equal(numbers(element)[0], newest, 'the newest first');
    assert.deepEqual(cellsOf(rows(element)[0]!).slice(3), ['$97.90', 'Open'], '$89 and 10% tax, not due yet');
    assert.deepEqual(
      rows(element).map((row) => text(row.querySelector('[part="status"]')!)),
      [...Array(10).fill('Open'), ...Array(5).fill('Past due'), ...Array(10).fill('Paid')],
    );
    assert.equal(text(query(element, 'h2')), 'My Invoice History');
    await expectAccessible(element);
  });

  it('narrows the list by status, number and issue dates, asking the server each time', async () => {
    const element = await loaded(await mountInvoices());
    await filter(element, 'status', 'past_due');
    await loaded(element, 5);
    assert.deepEqual(numbers(element), ['VA-0110', 'VA-0109', 'VA-0108', 'VA-0107', 'VA-0106']);
    await filter(element, 'status', '');
    await filter(element, 'q', '0042');
    await loaded(element, 1);
    assert.deepEqual(numbers(element), ['VA-0042']);
    await filter(element, 'q', '');
    const [newest, , third] = (await server.listInvoices({ limit: 3 })).data;
    await filter(element, 'from', third!.issuedAt);
    await filter(element, 'to', newest!.issuedAt);
    await loaded(element, 3);
    assert.isNull(query(element, '[part="load-more"]'), 'nothing more to load');
    await expectAccessible(element);
  });

  it('says when nothing matches the filters, and clears them', async () => {
    const element = await loaded(await mountInvoices());
    await filter(element, 'q', 'NO-SUCH-9');
    await until(() => query(element, '[part="empty"]'), 'the list says nothing matches');
    assert.include(text(query(element, '[part="empty"]')), 'Nothing matches these filters.');
    assert.isNull(query(element, '[part="export"]'), 'nothing to export');
    await expectAccessible(element);
    buttonIn(shadow(element), 'Clear filters').click();
    await loaded(element, 25);
    assert.equal(query<HTMLInputElement>(element, '[name="q"]').value, '');
    assert.isTrue(hasFocus(element, query(element, 'select')), 'the focus moves to the first filter');
  });

  it('shows the server’s objection to a filter beside its field', async () => {
    const element = await loaded(await mountInvoices());
    await filter(element, 'from', '2026-06-01');
    await filter(element, 'to', '2026-05-01');
    await until(() => query(element, '#filter-to-error'), 'the range is refused');
    assert.equal(text(query(element, '#filter-to-error')), 'The end of the range cannot be before its start.');
    assert.equal(query(element, '#filter-to').getAttribute('aria-invalid'), 'true');
    await expectAccessible(element);
  });

  it('appends the next page when Load more is pressed, keeping the focus on it and announcing the new rows', async () => {
    const element = await loaded(await mountInvoices({ pageSize: 10 }), 10);
    const firstRows = rows(element);
    const button = query<HTMLButtonElement>(element, '[part="load-more"]');
    button.focus({ preventScroll: true });
    button.click();
    await loaded(element, 20);
    const expected = (await server.listInvoices({ limit: 20 })).data;
    assert.deepEqual(rows(element).map(cellsOf), expected.map(shown));
    assert.isTrue(firstRows.every((row, index) => rows(element)[index] === row), 'the first rows stay as they were');
    assert.isTrue(hasFocus(element, button), 'the focus stays on Load more');
    await until(() => announced(element) === '10 more loaded.', 'the new rows are announced');
  });

  it('loads the next page when Load more is scrolled into view, without moving the page', async () => {
    await setViewport({ width: 800, height: 500 });
    const element = await loaded(await mountInvoices({ pageSize: 10 }), 10);
    const button = query(element, '[part="load-more"]');
    assert.isAbove(button.getBoundingClientRect().top, innerHeight, 'the button starts below the fold');
    // The observer's first report, where the button starts, comes with the next frames.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    button.scrollIntoView({ block: 'end' });
    const scrolled = scrollY;
    assert.isAbove(scrolled, 0);
    await loaded(element, 20);
    assert.equal(scrollY, scrolled, 'the page did not move');
    assert.equal(numbers(element)[10], `VA-${String(invoiceCount - 10).padStart(4, '0')}`);
  });

  it('moves the focus to the first new row when the last page takes Load more away', async () => {
    const element = await loaded(await mountInvoices({ pageSize: 3 }));
    await filter(element, 'status', 'past_due');
    await loaded(element, 3);
    const button = query<HTMLButtonElement>(element, '[part="load-more"]');
    button.focus({ preventScroll: true });
    button.click();
    await loaded(element, 5);
    assert.isNull(query(element, '[part="load-more"]'));
    await element.updateComplete;
    assert.isTrue(hasFocus(element, rowOf(element, 'VA-0107').querySelector('th')));
  });

  it('opens an invoice to its lines, totals and the payments applied, and closes it again', async () => {
    const element = await loaded(await mountInvoices());
    const paid = rowOf(element, 'VA-0100');
    const toggle = paid.querySelector<HTMLButtonElement>('th button')!;
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    toggle.click();
    await until(() => query(element, '[part="detail"] dl'), 'the invoice’s details are shown');
    assert.equal(toggle.getAttribute('aria-expanded'), 'true');
    const detail = query(element, '[part="detail"]');
    assert.equal(toggle.getAttribute('aria-controls'), detail.id);
    assert.isTrue(paid.nextElementSibling === detail, 'right below its row');
    const invoice = await server.getInvoice(detail.id.replace('detail-', ''));
    assert.deepEqual(
      [...detail.querySelectorAll('.lines li')].map(text),
      invoice.lines.map((line) => `${line.description} ${line.quantity} × ${dollars.format(line.unitAmount / 100)} ${dollars.format(line.amount / 100)}`),
    );
    assert.equal(
      texts(detail.querySelector('dl')!.children),
      `Subtotal ${dollars.format(invoice.subtotal / 100)} Tax ${dollars.format(invoice.tax / 100)} Total ${dollars.format(invoice.total / 100)} Paid ${dollars.format(invoice.total / 100)} Amount due $0.00`,
    );
    assert.lengthOf(invoice.payments, 1);
    assert.include(text(detail), `Payments applied ${day.format(new Date(invoice.payments[0]!.occurredAt))} · Visa ·· 4242 · ${dollars.format(invoice.total / 100)}`);
    await expectAccessible(element);
    toggle.click();
    await element.updateComplete;
    assert.isNull(query(element, '[part="detail"]'));
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
  });

  it('is worked with the keyboard: Enter opens an invoice, Tab reaches its PDF and Resend', async () => {
    const element = await loaded(await mountInvoices());
    const row = rowOf(element, newest);
    const [pdf, resend] = [...row.querySelectorAll<HTMLButtonElement>('.actions button')] as [HTMLButtonElement, HTMLButtonElement];
    row.querySelector<HTMLButtonElement>('th button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => query(element, '[part="detail"] dl'), 'Enter opens the invoice');
    await sendKeys({ press: 'Tab' });
    assert.isTrue(hasFocus(element, pdf));
    assert.equal(pdf.getAttribute('aria-describedby'), `row-${row.querySelector('th')!.id.replace('row-', '')}`);
    await sendKeys({ press: 'Tab' });
    assert.isTrue(hasFocus(element, resend));
  });

  it('downloads an invoice as the PDF the server made, under the server’s file name', async () => {
    const element = await loaded(await mountInvoices());
    buttonIn(rowOf(element, 'VA-0100'), 'PDF').click();
    await until(() => capture.downloads.length > 0, 'the PDF is downloaded');
    const [pdf] = capture.downloads as [Download];
    assert.equal(pdf.fileName, `${vandelay.id}-VA-0100.pdf`);
    assert.equal(pdf.blob.type, 'application/pdf');
    assert.equal(await magicOf(pdf.blob, 5), '%PDF-');
    await until(() => announced(element) === `Downloaded ${vandelay.id}-VA-0100.pdf.`, 'the download is announced');
  });

  it('resends an invoice to the billing contact, says so, and fires portal-document-sent', async () => {
    const element = await loaded(await mountInvoices());
    const sent: PortalDocumentSentEvent[] = [];
    document.body.addEventListener('portal-document-sent', (event) => sent.push(event), { once: true });
    buttonIn(rowOf(element, 'VA-0119'), 'Resend').click();
    await until(() => query<HTMLDialogElement>(element, 'dialog').open, 'the dialog opens');
    assert.equal(text(query(element, 'dialog h3')), 'Resend VA-0119');
    assert.equal(query<HTMLInputElement>(element, '#to').value, vandelay.billingContact.email, 'the billing contact to start with');
    assert.isTrue(hasFocus(element, query(element, '#to')));
    await expectAccessible(element);
    buttonIn(query(element, 'dialog'), 'Send').click();
    await until(() => query(element, '[part="notice"]'), 'the outcome is shown');
    assert.equal(text(query(element, '[part="notice"]')), `VA-0119 sent to ${vandelay.billingContact.email}.`);
    assert.isFalse(query<HTMLDialogElement>(element, 'dialog').open);
    await until(() => announced(element) === `VA-0119 sent to ${vandelay.billingContact.email}.`, 'the outcome is announced');
    assert.deepEqual(
      sent.map(({ list, to }) => ({ list, to })),
      [{ list: 'invoices', to: [vandelay.billingContact.email] }],
      'the server’s recipients, heard outside the element',
    );
    assert.equal(sent[0]!.id, rowOf(element, 'VA-0119').querySelector('th')!.id.replace('row-', ''));
    await expectAccessible(element);
  });

  it('shows the address the server refused beside the field and keeps the dialog open', async () => {
    const element = await loaded(await mountInvoices());
    buttonIn(rowOf(element, 'VA-0118'), 'Resend').click();
    await until(() => query<HTMLDialogElement>(element, 'dialog').open, 'the dialog opens');
    query<HTMLInputElement>(element, '#to').value = 'ap@vandelay.test, not-an-address';
    buttonIn(query(element, 'dialog'), 'Send').click();
    await until(() => query(element, '#to-error'), 'the refusal is shown');
    assert.equal(text(query(element, '#to-error')), 'not-an-address: Use a valid email address.');
    assert.equal(query(element, '#to').getAttribute('aria-invalid'), 'true');
    assert.equal(query(element, '#to').getAttribute('aria-describedby'), 'to-hint to-error');
    assert.equal(query<HTMLInputElement>(element, '#to').value, 'ap@vandelay.test,not-an-address', 'what was typed stays');
    assert.isTrue(query<HTMLDialogElement>(element, 'dialog').open);
    assert.isTrue(hasFocus(element, query(element, '#to')));
    await expectAccessible(element);
    buttonIn(query(element, 'dialog'), 'Cancel').click();
    await until(() => !query<HTMLDialogElement>(element, 'dialog').open, 'Cancel closes the dialog');
    assert.isNull(query(element, '[part="notice"]'), 'nothing was sent');
  });

  it('exports the filtered list to Excel, busy while the server makes it, then downloads it', async () => {
    const element = await loaded(await mountInvoices());
    await filter(element, 'status', 'paid');
    await loaded(element, 25);
    const requested: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (requested.push(String(input instanceof Request ? input.url : input)), realFetch(input, init));
    const ready: PortalExportReadyEvent[] = [];
    element.addEventListener('portal-export-ready', (event) => ready.push(event));
    try {
      await openMenuAndChoose(element, 'Excel');
      const exportButton = query(element, '[part="export"]');
      assert.equal(text(exportButton), 'Exporting… ▾');
      assert.equal(exportButton.getAttribute('aria-disabled'), 'true');
      assert.isTrue(hasFocus(element, exportButton), 'the focus is back on Export');
      await until(() => announced(element) === 'Exporting…', 'the export is announced');
      await expectAccessible(element);
      await until(() => capture.downloads.length > 0, 'the export is downloaded');
    } finally {
      window.fetch = realFetch;
    }
    const [file] = capture.downloads as [Download];
    assert.match(file.fileName, new RegExp(`^${vandelay.id}-invoices-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    assert.equal(file.blob.type, xlsx);
    assert.equal(await magicOf(file.blob, 2), 'PK');
    assert.include(requested.find((url) => url.includes('/export'))!, '/v1/invoices/export?status=paid&format=xlsx');
    assert.deepEqual(ready.map(({ list, format, fileName }) => ({ list, format, fileName })), [{ list: 'invoices', format: 'xlsx', fileName: file.fileName }]);
    await element.updateComplete;
    assert.equal(text(query(element, '[part="export"]')), 'Export ▾');
    assert.equal(query(element, '[part="export"]').getAttribute('aria-disabled'), 'false');
  });

  it('closes the export menu with Escape, returning the focus to Export', async () => {
    const element = await loaded(await mountInvoices());
    const exportButton = query<HTMLButtonElement>(element, '[part="export"]');
    exportButton.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    assert.equal(exportButton.getAttribute('aria-expanded'), 'true');
    await sendKeys({ press: 'Tab' });
    assert.equal(text(shadow(element).activeElement!), 'PDF');
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    assert.isNull(query(element, '[part="export-menu"]'));
    assert.isTrue(hasFocus(element, exportButton));
  });

  it('becomes a list of cards in a 360 px wide pane, with nothing to scroll sideways', async () => {
    await setViewport({ width: 360, height: 800 });
    const element = await loaded(await mountInvoices({ pageSize: 10 }));
    const [row] = rows(element) as [HTMLTableRowElement];
    assert.notEqual(getComputedStyle(row).display, 'table-row', 'rows are cards');
    assert.equal(row.getBoundingClientRect().width, query(element, 'table').getBoundingClientRect().width, 'cards take the pane’s width');
    const amount = row.querySelector('td.amount')!;
    assert.equal(getComputedStyle(amount, '::before').content, '"Amount"', 'each value says what it is');
    assert.isAtMost(document.documentElement.scrollWidth, 360, 'the page does not scroll sideways');
    for (const node of shadow(element).querySelectorAll('section, form, table, tr, [part="export"]')) {
      assert.isAtMost(node.getBoundingClientRect().right, 360, `${node.localName} fits`);
    }
    row.querySelector<HTMLButtonElement>('th button')!.click();
    await until(() => query(element, '[part="detail"] dl'), 'the invoice opens');
    assert.isAtMost(document.documentElement.scrollWidth, 360, 'an open invoice fits too');
    await expectAccessible(element);
  });

  it('renders 100 rows with no main-thread task over 50 ms', async () => {
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    try {
      const element = await loaded(await mountInvoices({ pageSize: 100 }), 100);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await element.updateComplete;
    } finally {
      observer.disconnect();
    }
    assert.deepEqual(
      longTasks.map((task) => Math.round(task.duration)),
      [],
      'durations of tasks over 50 ms',
    );
  });

  it('says so when the account has no invoices, with a reload', async () => {
    const element = await mountInvoices({ tokenProvider: async () => env.tokens.acmeAdmin });
    await until(() => query(element, '[part="empty"]'), 'the empty state is shown');
    assert.equal(text(query(element, '[part="empty"] p')), 'No invoices yet.');
    assert.ok(buttonIn(query(element, '[part="empty"]'), 'Reload'));
    assert.isNull(query(element, '[part="export"]'));
    await expectAccessible(element);
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    const element = await mountInvoices({ apiBase: env.closedOrigin });
    await until(() => query(element, '[part="error"]'), 'the error is shown');
    assert.include(text(query(element, '[part="error"]')), 'The billing portal could not be reached.');
    assert.ok(buttonIn(query(element, '[part="error"]'), 'Try again'));
    await expectAccessible(element);
  });

  it('speaks German, dates and money included', async () => {
    const element = await loaded(await mountInvoices({ locale: 'de-DE' }));
    await until(() => text(query(element, 'h2')) === 'Meine Rechnungen', 'the German catalogue is loaded');
    const [first] = rows(element) as [HTMLTableRowElement];
    assert.deepEqual(cellsOf(first).slice(3), ['97,90 $', 'Offen']);
    assert.equal(texts(shadow(element).querySelectorAll('thead th')), 'Nummer Datum Fällig Betrag Status Aktionen');
    assert.equal(text(buttonIn(first, 'Erneut senden')), 'Erneut senden');
  });
});
