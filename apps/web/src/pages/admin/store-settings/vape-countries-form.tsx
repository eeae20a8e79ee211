import { ZIsoCountry, ZStoreVapeCountriesUpdate } from '@puffy/contracts';
import { X } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { trpc } from '../../../lib/trpc';
import { countryName } from './countries';
import { checkWith, type FieldErrors, serverFieldErrors } from './form-errors';
import { Saved } from './saved';

/** The countries the vape variant (device and pods) ships to; every other country is refused it. */
export function VapeCountriesForm({ countries }: { countries: string[] | null }) {
  const stored = (countries ?? []).join();
  const [list, setList] = useState<string[]>(countries ?? []);
  const [adding, setAdding] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const utils = trpc.useUtils();
  const save = trpc.admin.store.setVapeCountries.useMutation({
    onSuccess: (saved) => utils.admin.store.settings.setData(undefined, saved),
  });
  useEffect(() => {
    setList(stored ? stored.split(',') : []);
  }, [stored]);

  const changed = list.join() !== stored;
  const shown = { ...serverFieldErrors(save.error), ...errors };

  function add() {
    const checked = ZIsoCountry.safeParse(adding);
    if (!checked.success) {
      setErrors({ adding: checked.error.issues[0]?.message ?? 'Not a country code' });
      return;
    }
    setErrors({});
    setList((current) => (current.includes(checked.data) ? current : [...current, checked.data].sort()));
    setAdding('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(ZStoreVapeCountriesUpdate, { countries: list });
    if (!checked.ok)
      return setErrors({ adding: checked.errors.countries ?? Object.values(checked.errors)[0] ?? '' });
    setErrors({});
    save.mutate(checked.data);
  }

  return (
    <Card aria-labelledby="store-vape-countries">
      <CardHeader>
        <CardTitle id="store-vape-countries">Vape countries</CardTitle>
        <CardDescription>
          The vape device and vape pods ship only to these countries. The fresh variant ships anywhere.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!countries && (
          <p role="alert" className="font-medium text-destructive text-sm">
            No vape countries are set, so the store cannot quote. Add them and save.
          </p>
        )}
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <ul className="flex flex-wrap gap-2" aria-label="Vape ships to">
            {list.length === 0 && <li className="text-muted-foreground text-sm">No country yet.</li>}
            {list.map((code) => (
              <li key={code}>
                <Badge variant="outline" className="gap-1.5 py-1 pr-1 text-sm">
                  <span>
                    {countryName(code)} <span className="text-muted-foreground">{code}</span>
                  </span>
                  <button
                    type="button"
                    className="cursor-pointer rounded-full p-0.5 hover:bg-accent"
                    aria-label={`Remove ${countryName(code)}`}
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
              label="Add a country"
              description={
                adding.trim().length === 2
                  ? countryName(adding.trim().toUpperCase())
                  : 'Its two-letter code, like DE'
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
              Add
            </Button>
          </div>
          {save.error && <ErrorMessage error={save.error} fieldsShownInForm />}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!changed || save.isPending}>
              {save.isPending ? 'Saving…' : 'Save vape countries'}
            </Button>
            <Saved when={save.isSuccess && !changed} />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
