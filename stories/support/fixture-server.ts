/**
 * A stand-in for the portal server inside Storybook: `fetch` calls under an api-base it handed
 * out are answered by that story's routes; every other call goes to the network as usual. The
 * elements keep their real client, so a story shows exactly what the element does with an answer.
 */

export type RouteHandler = (request: Request, params: Record<string, string>) => Response | Promise<Response>;

/** Handlers by `METHOD /v1/path`; `{name}` in a path matches one segment, e.g. `PUT /v1/access/users/{sub}`. */
export type Routes = Record<string, RouteHandler>;

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

// `.invalid` never resolves (RFC 2606), so a call that slipped past the routes cannot reach anyone.
const origin = 'https://portal-fixtures.invalid';

const servers = new Map<string, CompiledRoute[]>();
const baseByRoutes = new WeakMap<object, string>();
const passThrough = globalThis.fetch.bind(globalThis);

/**
 * The api-base that answers with `routes`. The same routes object always gets the same base, so a
 * re-render (a new locale, a changed arg) keeps the element's client and the routes' state.
 */
export function serve(routes: Routes): string {
  let apiBase = baseByRoutes.get(routes);
  if (!apiBase) {
    apiBase = `${origin}/${servers.size + 1}`;
    baseByRoutes.set(routes, apiBase);
    servers.set(apiBase, compile(routes));
  }
  return apiBase;
}

function compile(routes: Routes): CompiledRoute[] {
  return Object.entries(routes).map(([key, handler]) => {
    const [method = '', path = ''] = key.split(' ');
    const names: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { method, pattern: new RegExp(`^${source}$`), names, handler };
  });
}

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const apiBase = url.origin === origin ? `${origin}/${url.pathname.split('/')[1]}` : undefined;
  const routes = apiBase ? servers.get(apiBase) : undefined;
  if (!apiBase || !routes) return passThrough(input, init);

  const path = url.pathname.slice(new URL(apiBase).pathname.length);
  for (const route of routes) {
    const match = route.method === request.method ? route.pattern.exec(path) : null;
    if (match) {
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
      return route.handler(request, params);
    }
  }
  // A route the story did not give: the element shows its generic error, the console says which.
  console.warn(`No fixture for ${request.method} ${path}: add it to the story's parameters.portalServer.`);
  return new Response(null, { status: 404 });
};
