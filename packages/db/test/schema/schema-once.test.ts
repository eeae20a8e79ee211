import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgTables } from '../../src/schema/pg';

const schemaDir = resolve(import.meta.dirname, '../../src/schema');

const sources = readdirSync(schemaDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({
    file: relative(schemaDir, join(schemaDir, file)),
    text: readFileSync(join(schemaDir, file), 'utf8'),
  }));

/**
 * Each table is written once, as a function of a column kit, and both dialects are built from it: a
 * second copy would be free to drift from the first wherever the parity test does not look (comments,
 * the order of a check's values, a new table added to one side only).
 */
describe('the schema is written once', () => {
  it.each(Object.values(pgTables).map((table) => getTableName(table)))(
    '%s is defined in one file',
    (name) => {
      const definedIn = sources
        .filter(({ text }) => new RegExp(`table\\(\\s*'${name}'`).test(text))
        .map(({ file }) => file);
      expect(definedIn).toHaveLength(1);
    },
  );
});
