import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { PortalDb } from './database.ts';
import { readDirectly } from './direct-reads.ts';

/** Stands for a parameter while the query is built; must never reach the SQL text. */
const placeholderPrefix = '\u0000portal-parameter:';

/** Names a parameter of a precompiled query while it is built: typed as its value, compiled as a bound parameter. */
export type Parameter<Params> = <Name extends keyof Params & string>(name: Name) => Params[Name];

interface Template {
  sql: string;
  query: CompiledQuery['query'];
  /** Each bound parameter: the name of a value passed per call, or a constant of the query itself. */
  parameters: ({ name: string } | { constant: unknown })[];
}

function compileTemplate(compilable: Compilable<unknown>): Template {
  const compiled = compilable.compile();
  if (compiled.sql.includes(placeholderPrefix)) throw new Error('A precompiled query put a parameter into its SQL text instead of binding it.');
  return {
    sql: compiled.sql,
    query: compiled.query,
    parameters: compiled.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(placeholderPrefix) ? { name: value.slice(placeholderPrefix.length) } : { constant: value },
    ),
  };
}

/**
 * A hot query that Kysely builds and compiles once per database handle (and per `shape`, for a query
 * whose clauses vary), then runs with new values bound: the SQL text stays the dialect's own, so it
 * is as portable as any Kysely query, and every value is still a bound parameter. Building and
 * compiling cost about as much as SQLite running a small query (measured: 6–10% of an API request).
 * `build` must name every per-call value through `param`, and must not branch on anything but `shape`.
 */
export function precompiledQuery<Params extends Record<string, unknown>, Row, Shape extends string = ''>(
  build: (db: PortalDb, param: Parameter<Params>, shape: Shape) => Compilable<Row>,
) {
  const param = ((name: string) => `${placeholderPrefix}${name}`) as Parameter<Params>;
  const templates = new WeakMap<PortalDb, Map<string, Template>>();
  return async (db: PortalDb, params: Params, shape = '' as Shape): Promise<Row[]> => {
    let byShape = templates.get(db);
    if (!byShape) templates.set(db, (byShape = new Map()));
    let template = byShape.get(shape);
    if (!template) byShape.set(shape, (template = compileTemplate(build(db, param, shape))));
    const parameters = template.parameters.map((parameter) => ('name' in parameter ? params[parameter.name] : parameter.constant));
    const direct = readDirectly(db, template.sql, parameters);
    if (direct) return direct as Row[];
    const result = await db.executeQuery<Row>({ sql: template.sql, query: template.query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
