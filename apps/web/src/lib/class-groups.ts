/**
 * The Tailwind utilities cn() knows, by group, and which groups a group overrides: a small copy of
 * tailwind-merge's rules for the utilities this app writes (docs/design-system.md, "Merging
 * classes"). test/class-merge.test.ts holds them to tailwind-merge's own answers.
 */
// Values as Tailwind writes them: a number on the spacing scale, a fraction, a keyword, or an
// arbitrary value in brackets (`[13px]`) or a custom property in parentheses (`(--gap)`).
const ARBITRARY = String.raw`\[.+\]|\(.+\)`;
const SPACING = String.raw`(?:\d+(?:\.\d+)?|px|${ARBITRARY})`;
const SIZE = String.raw`(?:\d+(?:\.\d+)?|\d+\/\d+|px|auto|full|screen|svw|lvw|dvw|svh|lvh|dvh|min|max|fit|none|prose|3xs|2xs|xs|sm|md|lg|xl|\dxl|${ARBITRARY})`;
const TSHIRT = '(?:none|xs|sm|md|lg|xl|[2-9]xl|full|inner)';
/** The sides a spacing or border utility names: `px`, `mt`, `border-b`. */
const SIDE_LETTERS = ['x', 'y', 't', 'r', 'b', 'l', 's', 'e'];
/** An arbitrary value that is a length, so `text-[13px]` is a size and `text-[#fff]` a colour. */
const LENGTH = String.raw`\[(?:length:.+|-?[\d.]+(?:px|r?em|%|vh|vw|ch|ex|pt)|calc\(.+\)|var\(.+\))\]`;

const rule = (group: string, pattern: string): [string, RegExp] => [group, new RegExp(`^(?:${pattern})$`)];

/** The first matching rule names the class's group; order matters where prefixes overlap. */
const RULES: Array<[string, RegExp]> = [
  rule(
    'display',
    'block|inline-block|inline|flex|inline-flex|grid|inline-grid|contents|hidden|flow-root|list-item|table(?:-(?:caption|cell|column|column-group|footer-group|header-group|row-group|row))?|inline-table',
  ),
  rule('position', 'static|fixed|absolute|relative|sticky'),
  rule('visibility', 'visible|invisible|collapse'),
  rule('sr', 'sr-only'),
  rule('not-sr', 'not-sr-only'),
  rule('truncate', 'truncate'),
  rule('line-clamp', `line-clamp-(?:\\d+|none|${ARBITRARY})`),
  rule('text-decoration', 'underline|overline|line-through|no-underline'),
  rule('text-transform', 'uppercase|lowercase|capitalize|normal-case'),
  rule('font-style', 'italic|not-italic'),
  rule('p', `p-${SPACING}`),
  ...SIDE_LETTERS.map((side) => rule(`p${side}`, `p${side}-${SPACING}`)),
  rule('m', `m-(?:auto|${SPACING})`),
  ...SIDE_LETTERS.map((side) => rule(`m${side}`, `m${side}-(?:auto|${SPACING})`)),
  rule('gap', `gap-${SPACING}`),
  rule('gap-x', `gap-x-${SPACING}`),
  rule('gap-y', `gap-y-${SPACING}`),
  rule('size', `size-${SIZE}`),
  rule('w', `w-${SIZE}`),
  rule('h', `h-${SIZE}`),
  rule('min-w', `min-w-${SIZE}`),
  rule('min-h', `min-h-${SIZE}`),
  rule('max-w', `max-w-${SIZE}`),
  rule('max-h', `max-h-${SIZE}`),
  rule('inset', `inset-${SIZE}`),
  ...['top', 'right', 'bottom', 'left', 'start', 'end'].map((side) => rule(side, `${side}-${SIZE}`)),
  rule('z', `z-(?:\\d+|auto|${ARBITRARY})`),
  rule('opacity', `opacity-(?:\\d+|${ARBITRARY})`),
  rule('flex-direction', 'flex-(?:row|row-reverse|col|col-reverse)'),
  rule('flex-wrap', 'flex-(?:wrap|wrap-reverse|nowrap)'),
  rule('flex', `flex-(?:\\d+|auto|initial|none|${ARBITRARY})`),
  rule('basis', `basis-${SIZE}`),
  rule('shrink', `shrink(?:-(?:\\d+|${ARBITRARY}))?`),
  rule('grid-cols', `grid-cols-(?:\\d+|none|subgrid|${ARBITRARY})`),
  rule('grid-rows', `grid-rows-(?:\\d+|none|subgrid|${ARBITRARY})`),
  rule('col-span', `col-span-(?:\\d+|full|${ARBITRARY})`),
  rule('col-start', `col-start-(?:\\d+|auto|${ARBITRARY})`),
  rule('row-span', `row-span-(?:\\d+|full|${ARBITRARY})`),
  rule('row-start', `row-start-(?:\\d+|auto|${ARBITRARY})`),
  rule('place-items', 'place-items-(?:start|end|center|baseline|stretch)'),
  rule('align-items', 'items-(?:start|end|center|baseline|stretch)'),
  rule('justify-self', 'justify-self-(?:auto|start|end|center|stretch)'),
  rule('justify-content', 'justify-(?:start|end|center|between|around|evenly|stretch|normal|baseline)'),
  rule('align-content', 'content-(?:start|end|center|between|around|evenly|baseline|stretch|normal)'),
  rule('align-self', 'self-(?:auto|start|end|center|stretch|baseline)'),
  rule('text-alignment', 'text-(?:left|center|right|justify|start|end)'),
  rule('font-size', `text-(?:xs|sm|base|lg|xl|[2-9]xl|${LENGTH})`),
  rule('text-color', 'text-.+'),
  rule(
    'font-weight',
    `font-(?:thin|extralight|light|normal|medium|semibold|bold|extrabold|black|\\[\\d+\\])`,
  ),
  rule('font-family', 'font-.+'),
  rule('leading', `leading-(?:none|tight|snug|normal|relaxed|loose|\\d+(?:\\.\\d+)?|${ARBITRARY})`),
  rule('tracking', `tracking-(?:tighter|tight|normal|wide|wider|widest|${ARBITRARY})`),
  rule('whitespace', 'whitespace-(?:normal|nowrap|pre|pre-line|pre-wrap|break-spaces)'),
  rule('word-break', 'break-(?:normal|words|all|keep)'),
  rule('overflow', 'overflow-(?:auto|hidden|clip|visible|scroll)'),
  rule('overflow-x', 'overflow-x-(?:auto|hidden|clip|visible|scroll)'),
  rule('overflow-y', 'overflow-y-(?:auto|hidden|clip|visible|scroll)'),
  rule('list-style-type', `list-(?:none|disc|decimal|${ARBITRARY})`),
  rule('rounded', `rounded(?:-${TSHIRT}|-${ARBITRARY})?`),
  ...['s', 'e', 't', 'r', 'b', 'l', 'ss', 'se', 'ee', 'es', 'tl', 'tr', 'br', 'bl'].map((corner) =>
    rule(`rounded-${corner}`, `rounded-${corner}(?:-${TSHIRT}|-${ARBITRARY})?`),
  ),
  rule('border-style', 'border-(?:solid|dashed|dotted|double|hidden|none)'),
  rule('border-collapse', 'border-(?:collapse|separate)'),
  rule('border-w', `border(?:-\\d+|-${LENGTH})?`),
  ...SIDE_LETTERS.map((side) => rule(`border-w-${side}`, `border-${side}(?:-\\d+|-${LENGTH})?`)),
  ...SIDE_LETTERS.map((side) => rule(`border-color-${side}`, `border-${side}-.+`)),
  rule('border-color', 'border-.+'),
  rule(
    'bg-position',
    'bg-(?:bottom|center|left|left-bottom|left-top|right|right-bottom|right-top|top|position-.+)',
  ),
  rule('bg-size', 'bg-(?:auto|cover|contain|size-.+)'),
  rule(
    'bg-image',
    String.raw`bg-(?:none|linear-.+|radial.*|conic.*|\[(?:url|image|[a-z-]*gradient)[:(].+\])`,
  ),
  rule('bg-color', 'bg-.+'),
  rule('shadow', `shadow(?:-${TSHIRT}|-2xs)?`),
  rule('ring-w', `ring(?:-\\d+|-${LENGTH})?`),
  rule('ring-color', 'ring-.+'),
  rule('outline-w', `outline(?:-\\d+|-${LENGTH})?`),
  rule('outline-style', 'outline-(?:none|hidden|dashed|dotted|double|solid)'),
  rule(
    'transition',
    `transition(?:-(?:all|colors|opacity|shadow|transform|none|discrete|normal|${ARBITRARY}))?`,
  ),
  rule('duration', `duration-(?:\\d+|initial|${ARBITRARY})`),
  rule('animate', `animate-(?:none|spin|ping|pulse|bounce|${ARBITRARY})`),
  rule('translate-x', `translate-x-${SIZE}`),
  rule('translate-y', `translate-y-${SIZE}`),
  rule('aspect', `aspect-(?:auto|square|video|\\d+\\/\\d+|${ARBITRARY})`),
  rule('object-fit', 'object-(?:contain|cover|fill|none|scale-down)'),
  rule('cursor', `cursor-(?:[a-z-]+|${ARBITRARY})`),
  rule('pointer-events', 'pointer-events-(?:none|auto)'),
  rule('fill', 'fill-.+'),
  rule('backdrop-blur', `backdrop-blur(?:-${TSHIRT}|-${ARBITRARY})?`),
  rule('vertical-align', 'align-(?:baseline|top|middle|bottom|text-top|text-bottom|sub|super)'),
  rule('caption', 'caption-(?:top|bottom)'),
  rule('accent', 'accent-.+'),
  rule('brightness', `brightness-(?:\\d+|${ARBITRARY})`),
  rule('divide-y', 'divide-y(?:-\\d+)?'),
  rule('rotate', `rotate-(?:\\d+|${ARBITRARY})`),
  rule('select', 'select-(?:none|text|all|auto)'),
  rule('appearance', 'appearance-(?:none|auto)'),
  rule('stroke', 'stroke-.+'),
  rule('underline-offset', `underline-offset-(?:\\d+|auto|${ARBITRARY})`),
  rule('tabular', 'tabular-nums|proportional-nums'),
];

const SIDE_GROUPS = (prefix: string, sides: string[]) => sides.map((side) => `${prefix}${side}`);
const PADDING = SIDE_GROUPS('p', SIDE_LETTERS);
const MARGIN = SIDE_GROUPS('m', SIDE_LETTERS);

/** What a group replaces besides itself: `p-4` replaces an earlier `px-2`, `size-4` a `w-2`. */
export const OVERRIDES: Record<string, string[]> = {
  overflow: ['overflow-x', 'overflow-y'],
  inset: ['inset-x', 'inset-y', 'top', 'right', 'bottom', 'left', 'start', 'end'],
  'inset-x': ['start', 'end', 'right', 'left'],
  'inset-y': ['top', 'bottom'],
  flex: ['basis', 'grow', 'shrink'],
  gap: ['gap-x', 'gap-y'],
  'place-content': ['align-content', 'justify-content'],
  'place-items': ['align-items', 'justify-items'],
  'place-self': ['align-self', 'justify-self'],
  p: PADDING,
  px: ['ps', 'pe', 'pr', 'pl'],
  py: ['pt', 'pb'],
  m: MARGIN,
  mx: ['ms', 'me', 'mr', 'ml'],
  my: ['mt', 'mb'],
  size: ['w', 'h'],
  'font-size': ['leading'],
  'line-clamp': ['display', 'overflow'],
  truncate: ['text-overflow', 'overflow', 'overflow-x', 'overflow-y', 'whitespace'],
  sr: [
    'not-sr',
    'position',
    'size',
    'w',
    'h',
    'p',
    ...PADDING,
    'm',
    ...MARGIN,
    'overflow',
    'overflow-x',
    'overflow-y',
    'whitespace',
  ],
  'not-sr': ['sr'],
  rounded: ['s', 'e', 't', 'r', 'b', 'l', 'ss', 'se', 'ee', 'es', 'tl', 'tr', 'br', 'bl'].map(
    (c) => `rounded-${c}`,
  ),
  'rounded-s': ['rounded-ss', 'rounded-es'],
  'rounded-e': ['rounded-se', 'rounded-ee'],
  'rounded-t': ['rounded-tl', 'rounded-tr'],
  'rounded-r': ['rounded-tr', 'rounded-br'],
  'rounded-b': ['rounded-br', 'rounded-bl'],
  'rounded-l': ['rounded-tl', 'rounded-bl'],
  'border-w': SIDE_GROUPS('border-w-', SIDE_LETTERS),
  'border-w-x': ['border-w-s', 'border-w-e', 'border-w-r', 'border-w-l'],
  'border-w-y': ['border-w-t', 'border-w-b'],
  'border-color': SIDE_GROUPS('border-color-', SIDE_LETTERS),
  'border-color-x': ['border-color-s', 'border-color-e', 'border-color-r', 'border-color-l'],
  'border-color-y': ['border-color-t', 'border-color-b'],
};

export function groupOf(base: string): string | undefined {
  // An arbitrary property (`[overflow-wrap:anywhere]`) is its own group, named by the property.
  const property = /^\[([a-z-]+):.+\]$/.exec(base)?.[1];
  if (property) return `[${property}]`;
  for (const [group, pattern] of RULES) if (pattern.test(base)) return group;
  return undefined;
}
