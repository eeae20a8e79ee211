import { ZStoreShippingUpdate } from '@puffy/contracts';
import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { trpc } from '../../../lib/trpc';
import type { AdminOutputs } from '../api-types';
import { countryName } from './countries';
import { StoreSettingCard, useSettingsCheck, useStoreSaved } from './settings-form';

type Shipping = NonNullable<AdminOutputs['store']['settings']['shipping']>;
type Row = { key: number; country: string; fee: string };

let nextKey = 1;
const rowsOf = (shipping: Shipping | null): Row[] =>
  (shipping?.byCountry ?? []).map((row) => ({ key: nextKey++, ...row }));

/** One fee per order: the country's own fee if it has one, else the default. */
export function ShippingForm({ shipping }: { shipping: Shipping | null }) {
  const { t } = useTranslation('admin');
  const stored = JSON.stringify(shipping);
  const [defaultFee, setDefaultFee] = useState(shipping?.defaultFee ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(shipping));
  const save = trpc.admin.store.setShipping.useMutation({ onSuccess: useStoreSaved() });
  const { shown, submit } = useSettingsCheck(ZStoreShippingUpdate, save);
  useEffect(() => {
    const current = JSON.parse(stored) as Shipping | null;
    setDefaultFee(current?.defaultFee ?? '');
    setRows(rowsOf(current));
  }, [stored]);

  const value = {
    defaultFee,
    byCountry: rows.map(({ country, fee }) => ({ country: country.trim().toUpperCase(), fee })),
  };
  const changed =
    JSON.stringify(value) !==
    JSON.stringify({ defaultFee: shipping?.defaultFee ?? '', byCountry: shipping?.byCountry ?? [] });
  const edit = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <StoreSettingCard
      part="shipping"
      missing={!shipping}
      save={save}
      changed={changed}
      onSubmit={() => submit(value)}
    >
      <FormField
        label={t('storeSettings.shipping.defaultFee')}
        description={t('storeSettings.shipping.defaultFeeHint')}
        error={shown.defaultFee}
        className="max-w-56"
      >
        <Input
          id="shipping-default"
          value={defaultFee}
          inputMode="decimal"
          autoComplete="off"
          onChange={(e) => setDefaultFee(e.target.value)}
        />
      </FormField>
      <fieldset className="grid gap-3" aria-describedby={shown.byCountry ? 'shipping-rows-error' : undefined}>
        <legend className="mb-1 font-medium text-sm">{t('storeSettings.shipping.byCountry')}</legend>
        {rows.length === 0 && (
          <p className="text-muted-foreground text-sm">{t('storeSettings.shipping.allDefault')}</p>
        )}
        {rows.map((row, index) => {
          const code = row.country.trim().toUpperCase();
          return (
            <div
              key={row.key}
              className="grid grid-cols-[minmax(0,7rem)_minmax(0,9rem)_auto] items-start gap-2 sm:gap-3"
            >
              <FormField
                label={t('storeSettings.countryCode')}
                description={code.length === 2 ? countryName(code) : t('storeSettings.shipping.codeHint')}
                error={shown[`byCountry.${index}.country`]}
              >
                <Input
                  id={`shipping-country-${row.key}`}
                  value={row.country}
                  maxLength={2}
                  autoComplete="off"
                  className="uppercase"
                  onChange={(e) => edit(row.key, { country: e.target.value })}
                />
              </FormField>
              <FormField label={t('storeSettings.shipping.fee')} error={shown[`byCountry.${index}.fee`]}>
                <Input
                  id={`shipping-fee-${row.key}`}
                  value={row.fee}
                  inputMode="decimal"
                  autoComplete="off"
                  onChange={(e) => edit(row.key, { fee: e.target.value })}
                />
              </FormField>
              <Button
                variant="ghost"
                size="icon"
                className="mt-6"
                aria-label={code ? t('storeSettings.remove', { name: code }) : t('storeSettings.removeRow')}
                onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          );
        })}
        {shown.byCountry && (
          <p id="shipping-rows-error" className="font-medium text-destructive text-xs">
            {shown.byCountry}
          </p>
        )}
        <div>
          <Button
            variant="outline"
            size="sm"
            onClick={() => setRows((current) => [...current, { key: nextKey++, country: '', fee: '' }])}
          >
            <Plus aria-hidden="true" />
            {t('storeSettings.addCountry')}
          </Button>
        </div>
      </fieldset>
    </StoreSettingCard>
  );
}
