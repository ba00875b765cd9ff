interface Project {
  name: string;
  owner: string;
  status: string;
  dueAt: string;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

function cell(text: string): HTMLTableCellElement {
  return Object.assign(document.createElement('td'), { textContent: text });
}

/**
 * The product's own content: the account's projects from the product's API, which refuses a locked
 * account on the server (402). Inside the lockout gate's template, it exists only while the gate is open.
 */
export class AcmeProjects extends HTMLElement {
  connectedCallback(): void {
    this.setAttribute('aria-busy', 'true');
    this.textContent = 'Loading projects…';
    void this.load();
  }

  private async load(): Promise<void> {
    const response = await fetch('/api/projects', { headers: { Accept: 'application/json' } }).catch(() => undefined);
    this.removeAttribute('aria-busy');
    if (!response) {
      this.textContent = 'The projects could not be loaded: the network is down. Reload the page to try again.';
      return;
    }
    if (response.status === 402) {
      this.textContent = 'This account is locked: the projects are unavailable until the balance is paid.';
      return;
    }
    if (!response.ok) {
      this.textContent = `The projects could not be loaded (${response.status}). Reload the page to try again.`;
      return;
    }
    const { data } = (await response.json()) as { data: Project[] };
    const table = document.createElement('table');
    table.createCaption().textContent = `${data.length} projects`;
    const head = table.createTHead().insertRow();
    for (const title of ['Project', 'Owner', 'Status', 'Due']) head.append(Object.assign(document.createElement('th'), { textContent: title, scope: 'col' }));
    const body = table.createTBody();
    for (const project of data) {
      const row = body.insertRow();
      row.append(cell(project.name), cell(project.owner), cell(project.status), cell(dateFormat.format(new Date(`${project.dueAt}T00:00:00Z`))));
    }
    this.replaceChildren(table);
  }
}
