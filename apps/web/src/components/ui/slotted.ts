import { type ComponentProps, createElement, type ElementType } from 'react';
import { cn } from '../../lib/cn';

/**
 * A design-system part that is only an element (or a Radix primitive) wearing our classes and its
 * `data-slot`, the shadcn pattern most parts are: written once here instead of in every part. The
 * caller's `className` is merged after ours, so it wins; `defaults` are props the part sets unless the
 * caller does (a separator that is decorative, a menu that opens 6 px below its trigger); every other
 * prop (ref included) passes on.
 */
export function slotted<T extends ElementType>(
  component: T,
  slot: string,
  base: string,
  defaults?: Partial<ComponentProps<T>>,
) {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module level, never in a render
  function Slotted({ className, ...props }: ComponentProps<T> & { className?: string }) {
    return createElement(component, {
      ...defaults,
      'data-slot': slot,
      className: cn(base, className),
      ...props,
    });
  }
  Slotted.displayName = slot;
  return Slotted;
}

/**
 * A slotted part that also takes a `variant` (alert, badge): its classes are `base` and that variant's
 * entry of `variants` (`fallback` when none is given, nothing for `null`); the caller's `className`
 * still wins.
 */
export function slottedVariants<T extends ElementType, V extends string>(
  component: T,
  slot: string,
  base: string,
  variants: Record<V, string>,
  fallback?: NoInfer<V>,
) {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module level, never in a render
  function Slotted({
    className,
    variant,
    ...props
  }: ComponentProps<T> & { className?: string; variant?: V | null }) {
    const chosen: V | null | undefined = variant === undefined ? fallback : variant;
    return createElement(component, {
      'data-slot': slot,
      className: cn(base, chosen && variants[chosen], className),
      ...props,
    });
  }
  Slotted.displayName = slot;
  return Slotted;
}

/** One part of a `slottedParts` table: its element or primitive, our classes, and its `defaults`. */
type PartSpec<T extends ElementType = ElementType> = readonly [
  component: T,
  base: string,
  defaults?: Partial<ComponentProps<T>>,
];

type ComponentOf<P> = P extends readonly [infer T extends ElementType, ...unknown[]] ? T : never;

/**
 * A component's slotted parts from one table, keyed by the names they are exported under. Each part's
 * `data-slot` is its name in kebab case (`DialogHeader` is `dialog-header`), as shadcn names them.
 */
export function slottedParts<const S extends Record<string, PartSpec>>(
  parts: S & { [K in keyof S]: PartSpec<ComponentOf<S[K]>> },
) {
  const built: Record<string, unknown> = {};
  for (const [name, [component, base, defaults]] of Object.entries(parts)) {
    const slot = name.replace(/[A-Z]/g, (letter, at: number) => (at ? '-' : '') + letter.toLowerCase());
    built[name] = slotted(component, slot, base, defaults);
  }
  return built as { [K in keyof S]: ReturnType<typeof slotted<ComponentOf<S[K]>>> };
}
