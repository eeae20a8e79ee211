import { ZStoreShippingUpdate } from '@puffy/contracts';
import { Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { trpc } from '../../../lib/trpc';
import type { AdminOutputs } from '../api-types';
import { countryName } from './countries';
import { checkWith, type FieldErrors, serverFieldErrors } from './form-errors';
import { Saved } from './saved';

type Shipping = NonNullable<AdminOutputs['store']['settings']['shipping']>;
type Row = { key: number; country: string; fee: string };

let nextKey = 1;
const rowsOf = (shipping: Shipping | null): Row[] =>
  (shipping?.byCountry ?? []).map((row) => ({ key: nextKey++, ...row }));

/** One fee per order: the country's own fee if it has one, else the default. */
export function ShippingForm({ shipping }: { shipping: Shipping | null }) {
  const stored = JSON.stringify(shipping);
  const [defaultFee, setDefaultFee] = useState(shipping?.defaultFee ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(shipping));
  const [errors, setErrors] = useState<FieldErrors>({});
  const utils = trpc.useUtils();
  const save = trpc.admin.store.setShipping.useMutation({
    onSuccess: (saved) => utils.admin.store.settings.setData(undefined, saved),
  });
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
  const shown = { ...serverFieldErrors(save.error), ...errors };
  const edit = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(ZStoreShippingUpdate, value);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.data);
  }

  return (
    <Card aria-labelledby="store-shipping">
      <CardHeader>
        <CardTitle id="store-shipping">Shipping fees</CardTitle>
        <CardDescription>
          One fee per order, in USDT: the country’s own fee if it is listed here, otherwise the default.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!shipping && (
          <p role="alert" className="font-medium text-destructive text-sm">
            No shipping fees are set, so the store cannot quote. Enter them and save.
          </p>
        )}
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <FormField
            label="Default fee (USDT)"
            description="For every country not listed below"
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
          <fieldset
            className="grid gap-3"
            aria-describedby={shown.byCountry ? 'shipping-rows-error' : undefined}
          >
            <legend className="mb-1 font-medium text-sm">Fees by country</legend>
            {rows.length === 0 && (
              <p className="text-muted-foreground text-sm">Every country pays the default.</p>
            )}
            {rows.map((row, index) => {
              const code = row.country.trim().toUpperCase();
              return (
                <div
                  key={row.key}
                  className="grid grid-cols-[minmax(0,7rem)_minmax(0,9rem)_auto] items-start gap-2 sm:gap-3"
                >
                  <FormField
                    label="Country code"
                    description={code.length === 2 ? countryName(code) : 'Two letters, like US'}
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
                  <FormField label="Fee (USDT)" error={shown[`byCountry.${index}.fee`]}>
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
                    aria-label={`Remove ${code || 'this country'}`}
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
                Add a country
              </Button>
            </div>
          </fieldset>
          {save.error && <ErrorMessage error={save.error} fieldsShownInForm />}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!changed || save.isPending}>
              {save.isPending ? 'Saving…' : 'Save shipping fees'}
            </Button>
            <Saved when={save.isSuccess && !changed} />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
