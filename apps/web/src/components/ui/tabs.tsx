import { Tabs as TabsPrimitive } from 'radix-ui';
import { slotted } from './slotted';

export const Tabs = slotted(TabsPrimitive.Root, 'tabs', 'flex flex-col gap-4');

export const TabsList = slotted(
  TabsPrimitive.List,
  'tabs-list',
  'inline-flex w-fit max-w-full items-center gap-1 overflow-x-auto rounded-xl bg-muted p-1 text-muted-foreground',
);

export const TabsTrigger = slotted(
  TabsPrimitive.Trigger,
  'tabs-trigger',
  'inline-flex cursor-pointer items-center justify-center gap-1.5 whitespace-nowrap rounded-lg px-3 py-1.5 font-medium text-sm transition-colors hover:text-foreground disabled:pointer-events-none disabled:opacity-55 data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm',
);

export const TabsContent = slotted(TabsPrimitive.Content, 'tabs-content', 'min-w-0 outline-none');
