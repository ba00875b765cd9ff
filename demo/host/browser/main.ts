import 'customer-portal';
import { AcmeProjects } from './acme-projects.ts';
import { fetchPortalToken } from './portal-token.ts';

customElements.define('acme-projects', AcmeProjects);

// Every portal element on the page sits inside this provider, which hands them the token provider.
for (const provider of document.querySelectorAll('portal-provider')) provider.tokenProvider = fetchPortalToken;
