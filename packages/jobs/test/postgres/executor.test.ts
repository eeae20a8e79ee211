import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { bindPositional } from '../../src/postgres/executor';

const render = (text: string, values: unknown[]) => new PgDialect().sqlToQuery(bindPositional(text, values));

describe('bindPositional (pg-boss SQL over drizzle)', () => {
  it('binds every placeholder as a parameter, repeated ones included, never into the text', () => {
    const query = render('select * from job where name = $1 and n < $2 limit $2', [
      "x'; drop table job; --",
      5,
    ]);
    expect(query.sql).toBe('select * from job where name = $1 and n < $2 limit $3');
    expect(query.params).toEqual(["x'; drop table job; --", 5, 5]);
  });

  it('leaves $n alone inside literals, quoted names, dollar-quoted bodies and comments', () => {
    const text = [
      "select '$1 it''s $2', \"col$1\", $$ body $1 $$, $fn$ $2 $fn$ -- trailing $1",
      '/* $2 */ from t where a = $1',
    ].join('\n');
    const query = render(text, ['a']);
    expect(query.sql).toBe(text);
    expect(query.params).toEqual(['a']);
  });

  it('sends objects as JSON text and dates as ISO text, as node-postgres would', () => {
    const at = new Date('2025-01-02T03:04:05.006Z');
    const query = render('select $1::jsonb, $2, $3::uuid[], $4, $5', [
      { a: 1 },
      at,
      ['u1', 'u2'],
      null,
      true,
    ]);
    expect(query.params).toEqual(['{"a":1}', '2025-01-02T03:04:05.006Z', ['u1', 'u2'], null, true]);
  });

  it('passes text without values through untouched, and refuses a placeholder without a value', () => {
    expect(render('create schema $$x$$; select 1', []).sql).toBe('create schema $$x$$; select 1');
    expect(() => render('select $2', ['only one'])).toThrow('no value for $2');
  });
});
