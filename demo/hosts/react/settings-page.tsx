import type {} from 'customer-portal/react'; // JSX types of the <portal-*> elements and their events
import { useState } from 'react';

const apiBase = document.querySelector<HTMLMetaElement>('meta[name="portal-api-base"]')!.content;

// The host's backend mints a short-lived JWT for its signed-in user.
async function portalToken(): Promise<string> {
  const response = await fetch('/api/portal-token');
  return ((await response.json()) as { token: string }).token;
}

export function SettingsPage() {
  const [message, setMessage] = useState('Checking your account…');
  return (
    <>
      <header>
        <strong>Acme Cloud</strong> · Settings
      </header>
      <main>
        <h1>Customer Portal</h1>
        <p id="standing" role="status">
          {message}
        </p>
        <portal-provider apiBase={apiBase} tokenProvider={portalToken} locale="en-US">
          <portal-lockout-gate onportal-standing-change={(event) => setMessage(`Account standing: ${event.status}`)}>
            <portal-customer-info onportal-saved={() => setMessage('Your changes were saved.')} />
            <portal-subscriptions />
            <portal-invoices pageSize={10} />
          </portal-lockout-gate>
        </portal-provider>
      </main>
    </>
  );
}
