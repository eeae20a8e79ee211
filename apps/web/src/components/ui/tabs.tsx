import { Tabs as TabsPrimitive } from 'radix-ui';
import { slottedParts } from './slotted';

export const { Tabs, TabsList, TabsTrigger, TabsContent } = slottedParts({
  Tabs: [TabsPrimitive.Root, 'flex flex-col gap-4'],
  TabsList: [
    TabsPrimitive.List,
    'inline-flex w-fit max-w-full items-center gap-1 overflow-x-auto rounded-xl bg-muted p-1 text-muted-foreground',
  ],
  TabsTrigger: [
    TabsPrimitive.Trigger,
    'inline-flex cursor-pointer items-center justify-center gap-1.5 whitespace-nowrap rounded-lg px-3 py-1.5 font-medium text-sm transition-colors hover:text-foreground disabled:pointer-events-none disabled:opacity-55 data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm',
  ],
  TabsContent: [TabsPrimitive.Content, 'min-w-0 outline-none'],
});
