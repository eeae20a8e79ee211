import { type ClassValue, clsx } from 'clsx';
import { groupOf, OVERRIDES } from './class-groups';

/**
 * Joins class names and lets a later Tailwind utility replace an earlier one (`px-2` then `px-4`),
 * as tailwind-merge does, in a fraction of its size: the first load has a budget of 150 KB of
 * gzipped JS (docs/design-system.md, "Merging classes"), and tailwind-merge's full rule set was
 * 8.9 KB of it. These rules cover the utilities this app writes; test/class-merge.test.ts compares the
 * result with tailwind-merge itself for every pair of class names found in the source, so a new
 * utility that merges differently fails a test instead of a screen.
 */
export function cn(...inputs: ClassValue[]): string {
  return mergeClasses(clsx(inputs));
}

/** Right to left, the first class of each group wins; the groups it overrides are then taken too. */
export function mergeClasses(joined: string): string {
  const classes = joined.split(/\s+/).filter(Boolean);
  const taken = new Set<string>();
  const kept: string[] = [];
  for (let i = classes.length - 1; i >= 0; i--) {
    const name = classes[i] as string;
    const parsed = parse(name);
    const group = parsed && groupOf(parsed.base);
    if (!parsed || !group) {
      kept.push(name);
      continue;
    }
    const key = `${parsed.variant}${parsed.important ? '!' : ''}:`;
    if (taken.has(key + group)) continue;
    taken.add(key + group);
    for (const other of OVERRIDES[group] ?? []) taken.add(key + other);
    kept.push(name);
  }
  return kept.reverse().join(' ');
}

/** Variants whose order changes the selector; the others are sorted so `hover:focus:` = `focus:hover:`. */
const ORDERED_VARIANT =
  /^(\[|\*|after$|backdrop$|before$|details-content$|file$|first-letter$|first-line$|marker$|placeholder$|selection$)/;

function parse(name: string): { variant: string; base: string; important: boolean } | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === ':' && depth === 0) {
      parts.push(name.slice(start, i));
      start = i + 1;
    }
  }
  let base = name.slice(start);
  const important = base.startsWith('!') || base.endsWith('!');
  base = base.replace(/^!|!$/g, '').replace(/^-/, '');
  if (!base) return undefined;
  const variants: string[] = [];
  let run: string[] = [];
  for (const part of parts) {
    if (ORDERED_VARIANT.test(part)) {
      variants.push(...run.sort(), part);
      run = [];
    } else run.push(part);
  }
  variants.push(...run.sort());
  return { variant: variants.join(':'), base, important };
}
