#!/usr/bin/env node
// Fails the build when a key-shaped string literal is assigned to something named like a key, secret,
// token or password in server or package source: keys come from the environment (or, in development,
// are generated into DATA_DIR), never from the source. See docs/runbooks/secret-rotation.md.
//
//   node .ci/key-literals.mjs [root…]   (default: apps/server/src and packages/*/src)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A name that holds a secret: …key, …secret, …token, password, credential (not a public key or a key's name). */
const SECRET_NAME = /(?:key|keys|secret|secrets|token|tokens|password|passwd|passphrase|credentials?)$/i;
const NOT_SECRET_NAME =
  /(?:public|cache|store|storage|header|cookie|query|env|name|id|kind|type|prefix|path|field|param)[_-]?(?:key|keys|token|tokens|secret)$/i;

/**
 * A literal shaped like key material: no whitespace, at least 24 characters, made of a key alphabet
 * (hex, base58/64/64url, optionally `kid:` in front), and not an identifier-like word list, URL or path.
 */
function keyShaped(value) {
  if (value.length < 24 || /\s/.test(value)) return false;
  if (/^(?:[a-z]+:\/\/|\/|\.\.?\/)/i.test(value)) return false;
  if (/^[A-Z0-9_]+$/.test(value)) return false; // an environment variable's name
  const material = value.replace(/^[\w.-]{1,32}:/, '');
  if (!/^[A-Za-z0-9+/_=.-]{20,}$/.test(material)) return false;
  return true;
}

const LITERAL = String.raw`(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|\x60((?:[^\x60\\$]|\\.)*)\x60)`;
/** `name = 'x'`, `name: 'x'`, `name ??= 'x'`, `name || 'x'`, `name ?? 'x'` (declarations, properties, defaults). */
const ASSIGNMENT = new RegExp(
  String.raw`([A-Za-z_$][\w$]*)['"]?\s*(?::\s*(?:string\s*)?=|:|\?\?=|\|\|=|=(?![=>])|\?\?|\|\|)\s*(?:\[\s*)?${LITERAL}`,
  'g',
);

export function findKeyLiterals(text) {
  const found = [];
  for (const match of text.matchAll(ASSIGNMENT)) {
    const name = match[1];
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (!SECRET_NAME.test(name) || NOT_SECRET_NAME.test(name)) continue;
    if (!keyShaped(value)) continue;
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ line, name });
  }
  return found;
}

const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(['node_modules', 'dist', '.tsbuild', 'test', 'tests', '__tests__', 'fixtures']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (SOURCE.test(entry.name) && !/\.(?:test|spec)\.\w+$/.test(entry.name)) yield path;
  }
}

function defaultRoots() {
  const packages = join(repo, 'packages');
  return [
    join(repo, 'apps/server/src'),
    ...readdirSync(packages)
      .map((name) => join(packages, name, 'src'))
      .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory()),
  ];
}

function main() {
  const args = process.argv.slice(2);
  const roots = args.length > 0 ? args.map((a) => resolve(a)) : defaultRoots();
  const problems = [];
  for (const root of roots) {
    for (const file of files(root)) {
      for (const { line, name } of findKeyLiterals(readFileSync(file, 'utf8'))) {
        problems.push(`${relative(repo, file)}:${line}: "${name}" is given a key-shaped literal`);
      }
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.join('\n')}\nKeys belong in the environment (development generates its own into DATA_DIR), never in the source.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`no key-shaped literals in ${roots.length} source folders\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
