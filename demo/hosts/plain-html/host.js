// The package's one-file build (customer-portal/bundle), copied to the host's static files.
import './vendor/customer-portal.js';

// The host's backend mints a short-lived JWT for its signed-in user.
document.querySelector('portal-provider').tokenProvider = async () => {
  const response = await fetch('/api/portal-token');
  return (await response.json()).token;
};

const standing = document.querySelector('#standing');
document.addEventListener('portal-standing-change', (event) => {
  standing.textContent = `Account standing: ${event.status}`;
});
document.addEventListener('portal-saved', () => {
  standing.textContent = 'Your changes were saved.';
});
