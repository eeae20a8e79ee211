import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { Toast as ToastPrimitive } from 'radix-ui';
import { useEffect, useState } from 'react';
import { cn } from '../../lib/cn';
import { currentToasts, dismissToast, subscribeToasts } from './toast-queue';

const ICON = { info: Info, success: CircleCheck, error: CircleAlert } as const;
const TONE = { info: 'text-primary', success: 'text-success', error: 'text-destructive' } as const;

/** The toasts on screen (Radix Toast: announced, swipe and Escape to dismiss); loaded with the first one. */
export default function Toaster({ closeLabel = 'Dismiss' }: { closeLabel?: string }) {
  const [messages, setMessages] = useState(currentToasts);
  useEffect(() => subscribeToasts(setMessages), []);
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
      {messages.map((m) => {
        const Icon = ICON[m.variant];
        return (
          <ToastPrimitive.Root
            key={m.id}
            data-slot="toast"
            type={m.variant === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) dismissToast(m.id);
            }}
            className="flex items-start gap-3 rounded-xl border bg-popover p-4 text-popover-foreground shadow-xl"
          >
            <Icon className={cn('mt-0.5 size-4.5 shrink-0', TONE[m.variant])} aria-hidden="true" />
            <div className="grid min-w-0 flex-1 gap-1">
              <ToastPrimitive.Title className="font-semibold text-sm">{m.title}</ToastPrimitive.Title>
              {m.description && (
                <ToastPrimitive.Description className="text-muted-foreground text-sm">
                  {m.description}
                </ToastPrimitive.Description>
              )}
            </div>
            <ToastPrimitive.Close
              className="cursor-pointer rounded-md p-1 text-muted-foreground hover:bg-accent hover:text-foreground"
              aria-label={closeLabel}
            >
              <X className="size-4" aria-hidden="true" />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
