import { MonitorSmartphone, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { Button } from '../components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '../components/ui/dialog';
import { ProfilePanel } from './profile-panel';

/** "Sign out everywhere" (auth.logoutAll), behind a confirmation: it ends this session too. */
export function SessionsCard() {
  const { t } = useTranslation(['profile', 'common']);
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  return (
    <ProfilePanel section="sessions" icon={MonitorSmartphone} withLead>
      <Dialog open={open} onOpenChange={setOpen}>
        <Button variant="destructive" className="self-start" onClick={() => setOpen(true)}>
          <ShieldOff aria-hidden="true" />
          {t('sessions.signOutEverywhere')}
        </Button>
        <DialogContent closeLabel={t('common:close')}>
          <DialogHeader>
            <DialogTitle>{t('sessions.confirmTitle')}</DialogTitle>
            <DialogDescription>{t('sessions.confirmBody')}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t('sessions.cancel')}</Button>
            </DialogClose>
            <Button
              variant="destructive"
              onClick={() => {
                setOpen(false);
                void auth.signOut({ everywhere: true });
              }}
            >
              {t('sessions.signOutEverywhere')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </ProfilePanel>
  );
}
