import type { Customer, CustomerPatch } from '../../contract/customer.ts';
import { customerChangedMeanwhile } from '../fixtures/problem.ts';
import { json, problemResponse } from './answers.ts';
import type { Routes } from './fixture-server.ts';

export interface CustomerResource {
  routes: Routes;
  /** A save made elsewhere (another user, another tab): the next save sent with the old ETag gets a 412. */
  saveElsewhere(patch: CustomerPatch): void;
}

/**
 * GET and PATCH /v1/customer over one customer that remembers saves, with the server's lost-update
 * rule: a PATCH whose If-Match is not the current ETag is refused with 412.
 */
export function customerResource(initial: Customer): CustomerResource {
  let customer = initial;
  let version = 1;
  const etag = () => `"${version}"`;
  const save = (patch: CustomerPatch) => {
    customer = { ...customer, ...patch, updatedAt: new Date().toISOString() };
    version += 1;
  };
  return {
    routes: {
      'GET /v1/customer': () => json(customer, { ETag: etag() }),
      'PATCH /v1/customer': async (request) => {
        if (request.headers.get('If-Match') !== etag()) return problemResponse(customerChangedMeanwhile);
        save((await request.json()) as CustomerPatch);
        return json(customer, { ETag: etag() });
      },
    },
    saveElsewhere: save,
  };
}
