import { Copy } from 'lucide-react';
import { Button } from '../components/ui/button';
import { toast } from '../components/ui/toast-queue';

/** Copies a value (a code, an address) and says so in a toast; the label names what is copied. */
export function CopyButton({
  value,
  label,
  copied,
  iconOnly = false,
  className,
}: {
  value: string;
  label: string;
  copied: string;
  /** Only the icon shows (rows with little room); the label still names the button. */
  iconOnly?: boolean;
  className?: string;
}) {
  return (
    <Button
      variant="ghost"
      size={iconOnly ? 'icon-sm' : 'sm'}
      className={className}
      aria-label={iconOnly ? label : undefined}
      title={iconOnly ? label : undefined}
      onClick={() =>
        void navigator.clipboard?.writeText(value).then(() => toast({ title: copied, variant: 'success' }))
      }
    >
      <Copy aria-hidden="true" />
      {!iconOnly && label}
    </Button>
  );
}
