import { ZIsoCountry, ZStoreVapeCountriesUpdate } from '@puffy/contracts';
import { X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { issueInWords } from '../../../lib/issue-words';
import { trpc } from '../../../lib/trpc';
import { countryName } from './countries';
import { StoreSettingCard, useSettingsCheck, useStoredValue, useStoreSaved } from './settings-form';

/** The countries the vape variant (device and pods) ships to; every other country is refused it. */
export function VapeCountriesForm({ countries }: { countries: string[] | null }) {
  const { t } = useTranslation('admin');
  const { value: list, setValue: setList, changed } = useStoredValue<string[]>(countries ?? []);
  const [adding, setAdding] = useState('');
  const save = trpc.admin.store.setVapeCountries.useMutation({ onSuccess: useStoreSaved() });
  const { shown, setErrors, submit } = useSettingsCheck(ZStoreVapeCountriesUpdate, save);

  function add() {
    const checked = ZIsoCountry.safeParse(adding);
    if (!checked.success) {
      setErrors({ adding: issueInWords(checked.error.issues[0], t('storeSettings.vape.notACode')) });
      return;
    }
    setErrors({});
    setList((current) => (current.includes(checked.data) ? current : [...current, checked.data].sort()));
    setAdding('');
  }

  return (
    <StoreSettingCard
      part="vape"
      missing={!countries}
      save={save}
      changed={changed}
      // The list's schema error belongs to the field that adds to it.
      onSubmit={() =>
        submit({ countries: list }, (errors) => ({
          adding: errors.countries ?? Object.values(errors)[0] ?? '',
        }))
      }
    >
      <ul className="flex flex-wrap gap-2" aria-label={t('storeSettings.vape.list')}>
        {list.length === 0 && (
          <li className="text-muted-foreground text-sm">{t('storeSettings.vape.none')}</li>
        )}
        {list.map((code) => (
          <li key={code}>
            <Badge variant="outline" className="gap-1.5 py-1 pr-1 text-sm">
              <span>
                {countryName(code)} <span className="text-muted-foreground">{code}</span>
              </span>
              <button
                type="button"
                className="cursor-pointer rounded-full p-0.5 hover:bg-accent"
                aria-label={t('storeSettings.remove', { name: countryName(code) })}
                onClick={() => setList((current) => current.filter((c) => c !== code))}
              >
                <X aria-hidden="true" />
              </button>
            </Badge>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-start gap-2">
        <FormField
          label={t('storeSettings.addCountry')}
          description={
            adding.trim().length === 2
              ? countryName(adding.trim().toUpperCase())
              : t('storeSettings.vape.codeHint')
          }
          error={shown.adding ?? shown.countries}
          className="w-40"
        >
          <Input
            id="vape-country-add"
            value={adding}
            maxLength={2}
            autoComplete="off"
            className="uppercase"
            onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </FormField>
        <Button variant="outline" className="mt-6" onClick={add}>
          {t('storeSettings.vape.add')}
        </Button>
      </div>
    </StoreSettingCard>
  );
}
