import { Check } from 'lucide-react';
import { DropdownMenu as MenuPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';
import { slottedParts } from './slotted';

// Radix gives the menu role, arrow-key focus, typeahead and Escape.
export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;
export const DropdownMenuGroup = MenuPrimitive.Group;
export const DropdownMenuRadioGroup = MenuPrimitive.RadioGroup;

const parts = slottedParts({
  DropdownMenuContent: [
    MenuPrimitive.Content,
    'z-50 min-w-48 overflow-hidden rounded-xl border bg-popover p-1 text-popover-foreground shadow-xl',
    { sideOffset: 6, align: 'end' },
  ],
  DropdownMenuLabel: [MenuPrimitive.Label, 'px-2.5 py-1.5 font-medium text-muted-foreground text-xs'],
  DropdownMenuSeparator: [MenuPrimitive.Separator, '-mx-1 my-1 h-px bg-border'],
});

// The content is wrapped in a portal below, so its bare part stays private.
const { DropdownMenuContent: MenuContent } = parts;
export const { DropdownMenuLabel, DropdownMenuSeparator } = parts;

/** The open menu, in a portal so no parent's overflow clips it. */
export function DropdownMenuContent(props: ComponentProps<typeof MenuContent>) {
  return (
    <MenuPrimitive.Portal>
      <MenuContent {...props} />
    </MenuPrimitive.Portal>
  );
}

const itemClass =
  "relative flex cursor-pointer select-none items-center gap-2 rounded-md px-2.5 py-2 text-sm outline-none data-[disabled]:pointer-events-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground data-[disabled]:opacity-55 [&_svg:not([class*='size-'])]:size-4 [&_svg]:shrink-0";

export function DropdownMenuItem({
  className,
  variant = 'default',
  ...props
}: ComponentProps<typeof MenuPrimitive.Item> & { variant?: 'default' | 'destructive' }) {
  return (
    <MenuPrimitive.Item
      data-slot="dropdown-menu-item"
      className={cn(itemClass, variant === 'destructive' && 'text-destructive', className)}
      {...props}
    />
  );
}

export function DropdownMenuRadioItem({
  className,
  children,
  ...props
}: ComponentProps<typeof MenuPrimitive.RadioItem>) {
  return (
    <MenuPrimitive.RadioItem
      data-slot="dropdown-menu-radio-item"
      className={cn(itemClass, 'pl-8', className)}
      {...props}
    >
      <span className="absolute left-2.5 flex size-4 items-center justify-center">
        <MenuPrimitive.ItemIndicator>
          <Check className="size-4" aria-hidden="true" />
        </MenuPrimitive.ItemIndicator>
      </span>
      {children}
    </MenuPrimitive.RadioItem>
  );
}
