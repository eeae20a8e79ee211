import { type ComponentProps, createElement, type ElementType } from 'react';
import { cn } from '../../lib/cn';

/**
 * A design-system part that is only an element (or a Radix primitive) wearing our classes and its
 * `data-slot`, the shadcn pattern most parts are: written once here instead of in every part. The
 * caller's `className` is merged after ours, so it wins; every other prop (ref included) passes on.
 */
export function slotted<T extends ElementType>(component: T, slot: string, base: string) {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module level, never in a render
  function Slotted({ className, ...props }: ComponentProps<T> & { className?: string }) {
    return createElement(component, { 'data-slot': slot, className: cn(base, className), ...props });
  }
  Slotted.displayName = slot;
  return Slotted;
}
