import * as z from 'zod';
// Registers the Problem schema, which no route names, so it becomes a component too.
import '../../contract/problem.ts';
import { type RouteAccess, type RouteSpec, routes } from '../../contract/routes.ts';

type JsonObject = Record<string, unknown>;

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Problems any route of a given access level may answer, beside its own. */
const commonProblems: Record<RouteAccess, Record<number, string>> = {
  public: {},
  user: { 401: 'The token is missing, expired or not valid.', 403: 'The account is not provisioned.' },
  portal: {
    401: 'The token is missing, expired or not valid.',
    403: 'The user lacks Customer Portal View, or the account is not provisioned.',
  },
  admin: { 401: 'The admin API key is missing or wrong.' },
};

const security: Record<RouteAccess, JsonObject[] | undefined> = {
  public: [],
  user: [{ hostToken: [] }],
  portal: [{ hostToken: [] }],
  admin: [{ adminApiKey: [] }],
};

const idOf = (schema: z.ZodType): string | undefined => z.globalRegistry.get(schema)?.id;

const withoutDialect = ({ $schema: _dialect, id: _id, ...schema }: JsonObject): JsonObject => schema;

/**
 * Every contract schema with `meta({ id })` becomes a component; request bodies are described as
 * they are sent (defaults optional), everything else as the server answers it.
 */
function componentSchemas(): JsonObject {
  const params = { uri: (id: string) => `#/components/schemas/${id}`, unrepresentable: 'any' as const };
  const output = z.toJSONSchema(z.globalRegistry, { ...params, io: 'output' }).schemas;
  const input = z.toJSONSchema(z.globalRegistry, { ...params, io: 'input' }).schemas;
  const bodyIds = new Set(routes.flatMap((route) => (route.body ? [idOf(route.body)] : [])));
  return Object.fromEntries(
    Object.entries(output).map(([id, schema]) => [id, withoutDialect((bodyIds.has(id) ? input[id]! : schema) as JsonObject)]),
  );
}

function schemaRef(schema: z.ZodType): JsonObject {
  const id = idOf(schema);
  if (id) return { $ref: `#/components/schemas/${id}` };
  const inline = z.toJSONSchema(schema) as JsonObject;
  if (inline.$defs) throw new Error('A route schema that nests schemas with ids needs an id of its own.');
  return withoutDialect(inline);
}

function operation(route: RouteSpec): JsonObject {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const headerParameters = (route.headers ?? []).map((header) => ({
    name: header.name,
    in: 'header',
    required: header.required,
    description: header.description,
    schema: { type: 'string' },
  }));
  const queryParameters = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => {
    const { description, ...described } = withoutDialect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject);
    return { name, in: 'query', required: !schema.safeParse(undefined).success, ...(description ? { description } : {}), schema: described };
  });
  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = response.schema
      ? { description: response.description, content: { 'application/json': { schema: schemaRef(response.schema) } } }
      : response.contentTypes
        ? {
            description: response.description,
            content: Object.fromEntries(response.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
          }
        : Number(status) >= 400
          ? problemResponse(response.description)
          : { description: response.description };
  }
  const problems: Record<number, string> = { ...commonProblems[route.access] };
  if (route.query) problems[422] = 'A query parameter is not valid; `errors` names each.';
  if (route.body) {
    Object.assign(problems, {
      400: 'The body is not valid JSON.',
      413: 'The body is too large.',
      415: 'The body is not application/json.',
      422: 'Some fields are not valid; `errors` lists each with its path.',
    });
  }
  if (pathParameters.length > 0) problems[404] = 'Nothing with this id in the caller’s account.';
  for (const [status, description] of Object.entries(problems)) responses[status] ??= problemResponse(description);

  return {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, char: string) => char.toUpperCase())}`,
    tags: [route.access === 'admin' ? 'Admin API' : route.access === 'public' ? 'Service' : 'Portal API'],
    security: security[route.access],
    parameters: [...pathParameters, ...queryParameters, ...headerParameters],
    ...(route.body && {
      requestBody: { required: true, content: { 'application/json': { schema: schemaRef(route.body) } } },
    }),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the contract's schemas and route list. */
export function buildOpenApiDocument(version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customer Portal API',
      version,
      description:
        'Portal API for the embeddable billing portal (Bearer: a JWT the host product mints for its signed-in user) ' +
        'and the server-to-server Admin API (Bearer: PORTAL_ADMIN_API_KEY). Errors are RFC 9457 problem+json. ' +
        'Money is an integer in minor units next to its ISO 4217 currency.',
    },
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        hostToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        adminApiKey: { type: 'http', scheme: 'bearer', description: 'PORTAL_ADMIN_API_KEY' },
      },
    },
  };
}
