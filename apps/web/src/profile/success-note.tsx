import { CheckCircle2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { Alert, AlertDescription } from '../components/ui/alert';

/** What just worked (a link made, an address verified), announced politely as a status. */
export function SuccessNote({ children }: { children: ReactNode }) {
  return (
    <Alert variant="success" role="status">
      <CheckCircle2 aria-hidden="true" />
      <AlertDescription className="break-words text-foreground">{children}</AlertDescription>
    </Alert>
  );
}
