/**
 * The app's one toast queue, apart from the Radix toast code: any module may call toast(), and the
 * layout loads the toaster the first time there is something to show.
 */
export type ToastVariant = 'info' | 'success' | 'error';
export interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  variant: ToastVariant;
}

let nextId = 1;
let queue: ToastMessage[] = [];
const listeners = new Set<(messages: ToastMessage[]) => void>();
const publish = () => {
  for (const listener of listeners) listener(queue);
};

/** Shows a short message in the corner that screen readers announce; it leaves by itself. */
export function toast(message: { title: string; description?: string; variant?: ToastVariant }): number {
  const id = nextId++;
  queue = [...queue, { id, variant: 'info', ...message }];
  publish();
  return id;
}

export function dismissToast(id: number): void {
  queue = queue.filter((m) => m.id !== id);
  publish();
}

export const currentToasts = (): ToastMessage[] => queue;

export function subscribeToasts(listener: (messages: ToastMessage[]) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
