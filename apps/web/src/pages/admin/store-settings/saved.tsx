import { CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** "Saved." beside a form's button once what it shows is what the server committed. */
export function Saved({ when }: { when: boolean }) {
  const { t } = useTranslation('admin');
  if (!when) return null;
  return (
    <p role="status" className="flex items-center gap-1.5 text-sm text-success">
      <CircleCheck className="size-4" aria-hidden="true" />
      {t('storeSettings.saved')}
    </p>
  );
}
