import { Moon, Sun } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveTheme, storedTheme, type Theme } from '../lib/theme';
import { DeferredMenu, lazyMenu } from './deferred-menu';
import { Button } from './ui/button';

const menu = lazyMenu(() => import('./header-menus').then((m) => m.PreferencesMenu));

/** The header's display and language menu; its trigger shows the theme in use. */
export function PreferencesMenu() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <DeferredMenu
      menu={menu}
      props={{
        theme,
        onTheme: (next: Theme) => {
          saveTheme(next);
          setTheme(next);
        },
      }}
      trigger={
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('preferences.title')}
          data-language={i18n.language}
        >
          {theme === 'dark' ? <Moon aria-hidden="true" /> : <Sun aria-hidden="true" />}
        </Button>
      }
    />
  );
}
