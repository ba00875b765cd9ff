export { PortalApiError, type PortalApiErrorInit, type PortalErrorKind } from './client/portal-api-error.ts';
export { PortalClient, type PortalClientOptions, type ReadOptions, type Versioned, type WriteOptions } from './client/portal-client.ts';
