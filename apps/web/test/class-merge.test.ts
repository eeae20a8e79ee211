// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { twMerge } from 'tailwind-merge';
import { describe, expect, it } from 'vitest';
import { cn, mergeClasses } from '../src/lib/cn';

/**
 * lib/cn.ts merges classes with a small rule set instead of tailwind-merge (docs/design-system.md,
 * "Merging classes"). tailwind-merge stays the judge: every class-like word written anywhere in the
 * source is paired with every other, and both must keep and drop the same ones.
 */
const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every word inside a string literal that could be a class name. */
function classLikeWords(): string[] {
  const words = new Set<string>();
  // The rule file is left out: its patterns are not class names.
  for (const file of sourceFiles(SRC).filter((path) => !path.endsWith('lib/class-groups.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const literal of text.matchAll(/(['"`])((?:(?!\1)[^\\\n]){1,2000})\1/g)) {
      for (const word of (literal[2] ?? '').split(/\s+/)) {
        if (word.length > 1 && /[a-z]/.test(word) && /^[!a-z0-9@[\]\-_:./&>%()=,'*#~+]+$/i.test(word))
          words.add(word);
      }
    }
  }
  return [...words].sort();
}

const words = classLikeWords();
/** tailwind-merge drops a repeated class it knows and keeps a repeated one it does not. */
const known = words.filter((word) => twMerge(`${word} ${word}`) === word);
const unknown = words.filter((word) => !known.includes(word));

describe('class merging', () => {
  it('finds the utilities the source writes', () => {
    // A floor, so a broken word scan cannot make the comparison below vacuous.
    expect(known.length).toBeGreaterThan(300);
    expect(known).toContain('px-4');
    expect(known).toContain('hover:bg-accent');
  });

  it('keeps and drops what tailwind-merge does for every pair of those utilities', () => {
    const differences: string[] = [];
    for (const first of known) {
      for (const second of known) {
        const pair = `${first} ${second}`;
        const ours = mergeClasses(pair);
        if (ours !== twMerge(pair)) differences.push(`${pair} → ${ours}, tailwind-merge: ${twMerge(pair)}`);
      }
    }
    expect(differences.slice(0, 40)).toEqual([]);
  }, 120_000);

  it('leaves every other word alone, even repeated', () => {
    const merged = unknown.filter((word) => mergeClasses(`${word} ${word}`) !== `${word} ${word}`);
    expect(merged).toEqual([]);
  });

  it('joins conditional classes and lets the later utility win', () => {
    expect(cn('px-2 py-1', false, undefined, { 'font-bold': true, hidden: false }, 'px-4')).toBe(
      'py-1 font-bold px-4',
    );
    expect(cn('hover:focus:p-2', 'focus:hover:p-4')).toBe('focus:hover:p-4');
    expect(cn('[&_p]:hover:p-2', 'hover:[&_p]:p-4')).toBe('[&_p]:hover:p-2 hover:[&_p]:p-4');
    expect(cn('p-4', 'px-2')).toBe('p-4 px-2');
    expect(cn('px-2', 'p-4')).toBe('p-4');
    expect(cn('!p-2', 'p-4')).toBe('!p-2 p-4');
  });
});
