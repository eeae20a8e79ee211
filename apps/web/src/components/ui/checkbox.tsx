import { Check } from 'lucide-react';
import { Checkbox as CheckboxPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { slotted } from './slotted';

const CheckboxRoot = slotted(
  CheckboxPrimitive.Root,
  'checkbox',
  'peer size-4.5 shrink-0 cursor-pointer rounded-[5px] border border-input bg-background shadow-xs transition-colors focus-visible:ring-3 focus-visible:ring-ring/40 disabled:cursor-not-allowed disabled:opacity-55 aria-invalid:border-destructive data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground',
);

export function Checkbox(props: Omit<ComponentProps<typeof CheckboxRoot>, 'children'>) {
  return (
    <CheckboxRoot {...props}>
      <CheckboxPrimitive.Indicator className="flex items-center justify-center">
        <Check className="size-3.5" aria-hidden="true" />
      </CheckboxPrimitive.Indicator>
    </CheckboxRoot>
  );
}
