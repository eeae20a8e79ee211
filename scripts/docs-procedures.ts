// `pnpm docs:procedures`: writes docs/procedures.md from the tRPC router itself (path, kind, who may
// call it, input, defining file), so the index cannot say something the router does not do.
// `--check` exits 1 when the file differs from what the router says now (a test runs it);
// `--file <path>` reads or writes another file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appRouter, listProcedures, type ProcedureInfo } from '@puffy/api';
import { type TAdminScope, ZAdminScope } from '@puffy/contracts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const apiSource = join(root, 'packages/api/src');

export interface ProcedureDoc {
  path: string;
  type: ProcedureInfo['type'];
  access: string;
  /** Its own rate limit and public caching, from its meta; the defaults apply to every procedure. */
  limits: string;
  input: string;
  file: string;
}

interface ProcedureDef {
  inputs: unknown[];
  middlewares: Array<(opts: unknown) => unknown>;
}
/** Every input is a zod 4 schema (contracts), which converts itself; scripts do not depend on zod. */
type ZodInput = { toJSONSchema(params: { io: 'input'; unrepresentable: 'any'; reused: 'inline' }): unknown };
type Procedure = { _def: ProcedureDef };
type Router = { _def: { procedures: Record<string, Procedure> } };

const isRouter = (value: unknown): value is Router =>
  typeof value === 'object' &&
  value !== null &&
  '_def' in value &&
  typeof (value as Router)._def?.procedures === 'object';

const isProcedure = (value: unknown): value is Procedure =>
  typeof value === 'function' && '_def' in value && (value as { procedure?: unknown }).procedure === true;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

/**
 * A procedure's file is the module that builds the smallest exported router (or exports the procedure
 * itself) holding that very procedure object: routers keep their procedures by identity when nested or
 * merged, so the domain router that declares it is smaller than every router that only includes it.
 */
async function definingFiles(): Promise<Map<Procedure, string>> {
  const best = new Map<Procedure, { file: string; size: number }>();
  const builders = sourceFiles(apiSource).filter((file) =>
    /\b(router|mergeRouters)\(|\.(query|mutation|subscription)\(/.test(readFileSync(file, 'utf8')),
  );
  for (const file of builders) {
    const module: Record<string, unknown> = await import(pathToFileURL(file).href);
    const name = relative(root, file);
    for (const value of Object.values(module)) {
      const held = isRouter(value) ? Object.values(value._def.procedures) : isProcedure(value) ? [value] : [];
      for (const procedure of held) {
        const known = best.get(procedure);
        const better =
          !known || held.length < known.size || (held.length === known.size && name < known.file);
        if (better) best.set(procedure, { file: name, size: held.length });
      }
    }
  }
  return new Map([...best].map(([procedure, { file }]) => [procedure, file]));
}

/**
 * The admin scope is not in a procedure's meta; it lives in the `requireAdmin(scope)` middleware's
 * closure. So each middleware is asked, on its own and with a stub context, whether it lets an operator
 * without scopes through and which single scope does: the one that refuses the first and admits exactly
 * one scope is the gate. Other middlewares either pass every probe or fail every probe on the stub.
 */
async function adminScopeOf(procedure: Procedure): Promise<TAdminScope | null> {
  const passes = async (middleware: (opts: unknown) => unknown, scopes: TAdminScope[]) => {
    const marker = Symbol('next');
    try {
      const result = await middleware({
        ctx: { session: { userId: 'probe', role: 'admin', scopes, via: 'bearer' } },
        type: 'query',
        path: 'probe',
        input: undefined,
        meta: undefined,
        getRawInput: async () => undefined,
        signal: undefined,
        next: async () => marker,
      });
      return result === marker;
    } catch {
      return false;
    }
  };
  for (const middleware of procedure._def.middlewares) {
    if (await passes(middleware, [])) continue;
    const admitted: TAdminScope[] = [];
    for (const scope of ZAdminScope.options) if (await passes(middleware, [scope])) admitted.push(scope);
    if (admitted.length === 1) return admitted[0] ?? null;
  }
  return null;
}

function accessOf(info: ProcedureInfo, scope: TAdminScope | null): string {
  switch (info.meta?.kind) {
    case 'public':
      return 'anyone';
    case 'authed':
      return 'member';
    case 'admin':
      return scope ? `admin: ${scope}` : 'admin';
    case 'selfOrAdmin':
      return 'the member named, or admin: users';
    default:
      return 'undeclared';
  }
}

function limitsOf(info: ProcedureInfo): string {
  const rule = info.meta?.rateLimit;
  const cache = info.meta?.publicCacheSeconds;
  return [rule ? `${rule.points} per ${rule.durationSeconds} s` : '', cache ? `public cache ${cache} s` : '']
    .filter(Boolean)
    .join('; ');
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  $ref?: string;
};

const literal = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));

/** A TypeScript-like one-line type: short enough for a table cell, exact about names and optionality. */
function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'unknown';
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(typeOf))].join(' | ');
  if (schema.allOf) return schema.allOf.map(typeOf).join(' & ');
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  switch (schema.type) {
    case 'object':
      return objectType(schema);
    case 'array': {
      if (schema.prefixItems) return `[${schema.prefixItems.map(typeOf).join(', ')}]`;
      const item = schema.items ? typeOf(schema.items) : 'unknown';
      return /[ |&]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    case 'integer':
      return 'integer';
    case 'string':
      return schema.format ? `string (${schema.format})` : 'string';
    case undefined:
      return 'unknown';
    default:
      return schema.type;
  }
}

function objectType(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(
    ([name, field]) => `${name}${required.has(name) ? '' : '?'}: ${typeOf(field)}`,
  );
  if (typeof schema.additionalProperties === 'object') {
    fields.push(`[key: string]: ${typeOf(schema.additionalProperties)}`);
  }
  return fields.length === 0 ? '{}' : `{ ${fields.join('; ')} }`;
}

/** tRPC merges a procedure's object inputs into one; so does this, field by field. */
function inputOf(procedure: Procedure): string {
  const schemas = procedure._def.inputs.map(
    (input) =>
      (input as ZodInput).toJSONSchema({
        io: 'input',
        unrepresentable: 'any',
        reused: 'inline',
      }) as JsonSchema,
  );
  if (schemas.length === 0) return '';
  if (schemas.length === 1 && schemas[0]) return typeOf(schemas[0]);
  if (schemas.every((s) => s.type === 'object')) {
    return objectType({
      type: 'object',
      properties: Object.assign({}, ...schemas.map((s) => s.properties ?? {})),
      required: schemas.flatMap((s) => s.required ?? []),
    });
  }
  return schemas.map(typeOf).join(' & ');
}

export async function collectProcedures(): Promise<ProcedureDoc[]> {
  const files = await definingFiles();
  const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
  const docs: ProcedureDoc[] = [];
  for (const info of listProcedures(appRouter)) {
    const procedure = procedures[info.path];
    if (!procedure) throw new Error(`${info.path} is listed but not in the router`);
    const scope = info.meta?.kind === 'admin' ? await adminScopeOf(procedure) : null;
    docs.push({
      path: info.path,
      type: info.type,
      access: accessOf(info, scope),
      limits: limitsOf(info),
      input: inputOf(procedure),
      file: files.get(procedure) ?? 'not found',
    });
  }
  return docs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export async function renderProceduresDoc(): Promise<string> {
  const procedures = await collectProcedures();
  const namespaces = [...new Set(procedures.map((p) => p.path.split('.')[0] ?? ''))];
  const count = (type: ProcedureInfo['type']) => procedures.filter((p) => p.type === type).length;
  const sections = namespaces.flatMap((namespace) => [
    `## ${namespace}`,
    '',
    '| Procedure | Type | Who may call it | Own limit | Input | Defined in |',
    '| --- | --- | --- | --- | --- | --- |',
    ...procedures
      .filter((p) => p.path.split('.')[0] === namespace)
      .map(
        (p) =>
          `| \`${p.path}\` | ${p.type} | ${p.access} | ${p.limits} | ${p.input ? `\`${cell(p.input)}\`` : 'none'} | [${p.file}](../${p.file}) |`,
      ),
    '',
  ]);
  return [
    '# Procedure index',
    '',
    '<!-- Generated by `pnpm docs:procedures` from the tRPC router (packages/api/src/router.ts). Do not edit',
    '     by hand: change the router and run `pnpm docs:procedures`; a test fails when they drift. -->',
    '',
    'Every procedure the API serves at `/trpc/<procedure>`, read from the router itself. Queries are GETs',
    '(or batched), mutations POSTs, subscriptions Server-Sent Events. "Who may call it" is the procedure',
    'kind (`packages/api/src/trpc/procedures.ts`): anyone; a signed-in member acting on their own data;',
    'an operator holding the named admin scope; or the member named by `userId` and operators with the',
    '`users` scope. "Own limit" is the rate limit a procedure adds, counted per IP and per member, on top',
    'of the defaults every call spends (`RATE_LIMIT_*` in [configuration.md](configuration.md)), and how',
    'long a CDN may hold a public answer. The input is written as a TypeScript-like type of what the client sends (`?` marks an',
    'optional field); its limits and messages are in the zod schema the defining file uses. How a request',
    'reaches a procedure is in [architecture.md](architecture.md).',
    '',
    `${procedures.length} procedures: ${count('query')} queries, ${count('mutation')} mutations, ${count('subscription')} subscriptions.`,
    '',
    ...sections,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const fileAt = args.indexOf('--file');
  const file = resolve(fileAt >= 0 ? (args[fileAt + 1] ?? '') : resolve(root, 'docs/procedures.md'));
  const wanted = await renderProceduresDoc();
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    if (current !== wanted) {
      process.stderr.write(`${file} is out of date with the router: run pnpm docs:procedures\n`);
      process.exit(1);
    }
    process.stdout.write(`${file} matches the router\n`);
    return;
  }
  writeFileSync(file, wanted);
  process.stdout.write(`wrote ${file}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
