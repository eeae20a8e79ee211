// `pnpm env:doc`: writes docs/configuration.md from the server's config schema and the backup scripts'
// variables (scripts/backup-s3.ts), so the reference can never say something the code does not do.
// `--check` exits 1 when the file differs from what they say now (CI and a test run it); `--file <path>` reads or writes another file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, configSchema, loadConfig, SECRET_VARIABLES } from '../apps/server/src/config';
import { BACKUP_SECRET_VARIABLES, backupS3Variables } from './backup-s3';
import { generateProductionEnv, PRODUCTION_EXAMPLE } from './production-env';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface VariableDoc {
  name: string;
  type: string;
  defaultValue: string | null;
  description: string;
  secret: boolean;
  requiredInProduction: boolean;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Walks default/optional/pipe wrappers down to the value's own type, collecting the default. */
function describeType(schema: unknown): { type: string; defaultValue: string | null } {
  let def = defOf(schema);
  let defaultValue: string | null = null;
  let list = false;
  for (;;) {
    if (def.type === 'pipe') {
      list ||= defOf(def.out).type === 'transform' && defOf(def.in).type === 'string';
      def = defOf(def.in);
    } else if (def.type === 'default') {
      defaultValue = String(def.defaultValue);
      def = defOf(def.innerType);
    } else if (def.type === 'optional') def = defOf(def.innerType);
    else break;
  }
  if (def.type === 'enum') {
    const values = Object.values(def.entries as Record<string, string>);
    const type = values.join(' \\| ');
    return { type: values.includes('true') ? 'boolean (true/false/1/0)' : type, defaultValue };
  }
  if (list) return { type: 'comma-separated list', defaultValue };
  if (def.type === 'string' && def.format === 'url') return { type: 'URL', defaultValue };
  if (def.type === 'number') return { type: 'integer', defaultValue };
  return { type: def.type, defaultValue };
}

/**
 * Which variables production needs is read from `loadConfig` itself: each one of a working
 * production environment is left out in turn, and it is required when the refusal names it.
 */
function probeEnv(): Record<string, string> {
  return generateProductionEnv({
    databaseUrl: 'postgres://puffy@postgres:5432/puffy',
    redisUrl: 'redis://redis:6379',
  });
}

function refusals(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

export function collectVariables(): VariableDoc[] {
  const base = probeEnv();
  const baseProblems = refusals(base);
  if (baseProblems.length > 0) {
    throw new Error(
      `PRODUCTION_EXAMPLE in scripts/production-env.ts no longer loads; add what production now needs:\n${baseProblems.join('\n')}`,
    );
  }
  const secrets = new Set<string>(SECRET_VARIABLES);
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const description = schema.description;
    if (!description) throw new Error(`${name} has no .describe() in apps/server/src/config-env.ts`);
    const { [name]: _left, ...without } = base;
    const required = name in base && refusals(without).some((p) => p.startsWith(`${name}:`));
    return {
      name,
      ...describeType(schema),
      description,
      secret: secrets.has(name),
      requiredInProduction: required,
    };
  });
}

/** The backup scripts' own variables (scripts/backup-s3.ts): the server never reads them. */
export function collectBackupVariables(): VariableDoc[] {
  const secrets = new Set<string>(BACKUP_SECRET_VARIABLES);
  return Object.entries(backupS3Variables.shape).map(([name, schema]) => {
    const description = schema.description;
    if (!description) throw new Error(`${name} has no .describe() in scripts/backup-s3.ts`);
    return {
      name,
      ...describeType(schema),
      description,
      secret: secrets.has(name),
      requiredInProduction: false,
    };
  });
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const typeCell = (type: string) => (type.includes('\\|') ? type : cell(type));
const defaultCell = (value: string | null) => (value === null || value === '' ? '' : `\`${cell(value)}\``);

export function renderConfigurationDoc(): string {
  const variables = collectVariables();
  const rows = variables.map((v) =>
    [
      `\`${v.name}\``,
      typeCell(v.type),
      defaultCell(v.defaultValue),
      v.secret ? 'yes' : '',
      v.requiredInProduction ? 'yes' : '',
      cell(v.description),
    ].join(' | '),
  );
  const backupRows = collectBackupVariables().map((v) =>
    [
      `\`${v.name}\``,
      typeCell(v.type),
      defaultCell(v.defaultValue),
      v.secret ? 'yes' : '',
      cell(v.description),
    ].join(' | '),
  );
  const example = Object.entries(PRODUCTION_EXAMPLE).map(([k, v]) => `${k}=${v}`);
  return [
    '# Configuration',
    '',
    '<!-- Generated by `pnpm env:doc` from configSchema in apps/server/src/config-env.ts and backupS3Variables',
    '     in scripts/backup-s3.ts. Do not edit by hand: change the schema (its .describe() texts) and run',
    '     `pnpm env:doc`; a test fails when they drift. -->',
    '',
    'Every setting comes from an environment variable; `apps/server/src/config.ts` is the only module',
    'that reads the environment, validates it at start-up and refuses to start with a bad value (exit',
    'code 78, naming the variable). The worker (`node apps/server/dist/worker.js`) reads the same variables.',
    '',
    '- **Secret**: never logged, never printed; keep it in your secret store, not in the compose file.',
    '  Rotation for each is in [runbooks/secret-rotation.md](runbooks/secret-rotation.md).',
    '- **Required in production**: with `NODE_ENV=production` the server refuses to start without it',
    '  (secrets must also be strong: at least 32 characters, not a placeholder, at least 10 distinct characters).',
    '',
    `${variables.length} variables, ${variables.filter((v) => v.secret).length} secrets, ${variables.filter((v) => v.requiredInProduction).length} required in production.`,
    '',
    '| Variable | Type | Default | Secret | Required in production | Description |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
    '',
    '## The smallest production environment',
    '',
    '```sh',
    ...example,
    '```',
    '',
    'Web instances behind a load balancer add `TRUST_PROXY=true`, `RUN_WORKER=false` and',
    '`MIGRATE_ON_START=false` (the release step runs `node apps/server/dist/migrate.js`, see',
    '[runbooks/deploy-and-rollback.md](runbooks/deploy-and-rollback.md)).',
    '',
    '## Backups',
    '',
    'The backup and restore scripts (`scripts/backup.ts`, `scripts/restore.ts` and their copies in the',
    'image) read these themselves, from the same environment as `DATABASE_URL`; the server does not.',
    'They are declared in `scripts/backup-s3.ts`; a bad value stops the script with a message naming it.',
    'How backups, the off-host copy and restores work: [runbooks/backup-and-restore.md](runbooks/backup-and-restore.md).',
    '',
    '| Variable | Type | Default | Secret | Description |',
    '| --- | --- | --- | --- | --- |',
    ...backupRows.map((r) => `| ${r} |`),
    '',
  ].join('\n');
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const fileAt = args.indexOf('--file');
  const file = resolve(fileAt >= 0 ? (args[fileAt + 1] ?? '') : resolve(root, 'docs/configuration.md'));
  const wanted = renderConfigurationDoc();
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    if (current !== wanted) {
      process.stderr.write(
        `${file} is out of date with the config schema or the backup variables: run pnpm env:doc\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`${file} matches the config schema\n`);
    return;
  }
  writeFileSync(file, wanted);
  process.stdout.write(`wrote ${file}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
