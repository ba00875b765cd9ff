import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routes } from '../../contract/routes.ts';
import { createTestApp } from './support/test-app.ts';

const honoPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

describe('the API description', () => {
  it('lists exactly the routes the server serves', async () => {
    const { app } = await createTestApp();
    const served = new Set(
      // Middleware is registered for all methods or on a wildcard path; no route of the API has one.
      app.routes.filter((route) => route.method !== 'ALL' && !route.path.endsWith('*')).map((route) => `${route.method.toLowerCase()} ${route.path}`),
    );
    const described = new Set(routes.map((route) => `${route.method} ${honoPath(route.path)}`));
    assert.deepEqual([...served].sort(), [...described].sort());
  });

  it('is served at /openapi.json as OpenAPI 3.1 with every schema it refers to', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/openapi.json');
    assert.equal(response.status, 200);
    const document = await response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(Object.keys(document.paths).sort(), [...new Set(routes.map((route) => route.path))].sort());
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    for (const name of new Set(references)) assert.ok(document.components.schemas[name], `missing schema ${name}`);
  });

  it('describes request bodies as sent and problems for every protected route', async () => {
    const { app } = await createTestApp();
    const document = await (await app.request('/openapi.json')).json();
    const customerCreate = document.components.schemas.CustomerCreate;
    assert.ok(!customerCreate.required.includes('locale'), 'locale has a default, so a client may leave it out');
    const patch = document.paths['/v1/customer'].patch;
    assert.equal(patch.requestBody.content['application/json'].schema.$ref, '#/components/schemas/CustomerPatch');
    for (const status of ['401', '403', '412', '422', '428']) {
      assert.ok(patch.responses[status], `PATCH /v1/customer documents ${status}`);
    }
    assert.equal(patch.responses['422'].content['application/problem+json'].schema.$ref, '#/components/schemas/Problem');
    assert.ok(document.components.schemas.Problem.properties.errors);
  });

  it('describes query parameters with their defaults and documents as binary files', async () => {
    const { app } = await createTestApp();
    const document = await (await app.request('/openapi.json')).json();
    const list = document.paths['/v1/invoices'].get;
    const parameters = Object.fromEntries(list.parameters.map((parameter: { name: string }) => [parameter.name, parameter]));
    assert.deepEqual(Object.keys(parameters).sort(), ['cursor', 'from', 'limit', 'q', 'status', 'to']);
    assert.equal(parameters.limit.in, 'query');
    assert.equal(parameters.limit.required, false);
    assert.deepEqual([parameters.limit.schema.minimum, parameters.limit.schema.maximum, parameters.limit.schema.default], [1, 100, 25]);
    assert.deepEqual(parameters.status.schema.enum, ['paid', 'open', 'past_due', 'void']);
    assert.ok(list.responses['422']);
    const exportParameters = document.paths['/v1/transactions/export'].get.parameters;
    assert.equal(exportParameters.find((parameter: { name: string }) => parameter.name === 'format').required, true);
    const pdf = document.paths['/v1/invoices/{id}/pdf'].get.responses['200'].content;
    assert.deepEqual(pdf, { 'application/pdf': { schema: { type: 'string', format: 'binary' } } });
    const exported = document.paths['/v1/invoices/export'].get.responses['200'].content;
    assert.deepEqual(Object.keys(exported), ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });
});
