import { X } from 'lucide-react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { slottedParts } from './slotted';

// Radix gives the focus trap, Escape, outside click, aria-modal and the labelled-by wiring.
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const parts = slottedParts({
  DialogOverlay: [DialogPrimitive.Overlay, 'fixed inset-0 z-50 bg-black/60 backdrop-blur-sm'],
  DialogContent: [
    DialogPrimitive.Content,
    'fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md [&>*]:min-w-0 -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-2xl border bg-popover p-6 text-popover-foreground shadow-2xl',
  ],
  DialogHeader: ['div', 'flex flex-col gap-1.5 pr-8'],
  DialogFooter: ['div', 'flex flex-col-reverse gap-2 sm:flex-row sm:justify-end'],
  DialogTitle: [DialogPrimitive.Title, 'font-semibold text-lg leading-tight'],
  DialogDescription: [DialogPrimitive.Description, 'text-muted-foreground text-sm'],
});

// The panel is wrapped below (portal, overlay, close button), so its bare part stays private.
const { DialogOverlay, DialogContent: DialogPanel } = parts;
export const { DialogHeader, DialogFooter, DialogTitle, DialogDescription } = parts;

/** The dialog over a dimmed page, with a close button in its corner (`closeLabel` names it). */
export function DialogContent({
  children,
  closeLabel = 'Close',
  ...props
}: ComponentProps<typeof DialogPanel> & { closeLabel?: string }) {
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPanel {...props}>
        {children}
        <DialogPrimitive.Close
          data-slot="dialog-close"
          className="absolute top-4 right-4 cursor-pointer rounded-md p-1 text-muted-foreground hover:bg-accent hover:text-foreground"
        >
          <X className="size-4" aria-hidden="true" />
          <span className="sr-only">{closeLabel}</span>
        </DialogPrimitive.Close>
      </DialogPanel>
    </DialogPrimitive.Portal>
  );
}
