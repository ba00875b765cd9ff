import 'customer-portal';
import { AcmeProjects } from './acme-projects.ts';
import { fetchPortalToken } from './portal-token.ts';

customElements.define('acme-projects', AcmeProjects);

// Every portal element on these pages sits inside a <portal-provider>, which hands them the token provider.
for (const provider of document.querySelectorAll('portal-provider')) provider.tokenProvider = fetchPortalToken;
