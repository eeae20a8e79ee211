import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { trpc } from '../../../lib/trpc';
import type { AdminOutputs } from '../api-types';
import { checkWith, type FieldErrors, serverFieldErrors } from './form-errors';
import { Saved } from './saved';

/** What a settings form needs of its save: a tRPC mutation's state. */
interface SaveState<TInput> {
  mutate: (input: TInput) => void;
  error: unknown;
  isPending: boolean;
  isSuccess: boolean;
}

/** Keeps the page's copy of the store in step with what a save committed (every save answers it all). */
export function useStoreSaved() {
  const utils = trpc.useUtils();
  return (saved: AdminOutputs['store']['settings']) => utils.admin.store.settings.setData(undefined, saved);
}

/**
 * A settings form's checks: the value goes through the schema the server applies, so a mistake shows
 * beside its field before any round trip; the server's own field errors land in the same places.
 * `place` moves the schema's paths onto the fields the form has, when they differ.
 */
export function useSettingsCheck<S extends z.ZodType>(schema: S, save: SaveState<z.output<S>>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    shown: { ...serverFieldErrors(save.error), ...errors } as FieldErrors,
    setErrors,
    submit(value: unknown, place: (errors: FieldErrors) => FieldErrors = (e) => e) {
      const checked = checkWith(schema, value);
      if (!checked.ok) return setErrors(place(checked.errors));
      setErrors({});
      save.mutate(checked.data);
    },
  };
}

/**
 * The frame every store settings form shares: its fields, the save's failure, and the save button,
 * enabled once something changed, with "Saved." beside it when what it shows is what was committed.
 */
export function SettingsForm({
  save,
  changed,
  submitLabel,
  secondary = false,
  onSubmit,
  children,
}: {
  save: SaveState<never>;
  changed: boolean;
  submitLabel: string;
  secondary?: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      {children}
      {save.error ? <ErrorMessage error={save.error} fieldsShownInForm /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          variant={secondary ? 'secondary' : 'default'}
          disabled={!changed || save.isPending}
        >
          {save.isPending ? t('storeSettings.saving') : submitLabel}
        </Button>
        <Saved when={save.isSuccess && !changed} />
      </div>
    </form>
  );
}

/**
 * A value the server holds, edited in a form's state until saved; a new stored value (this form's save,
 * another operator's) replaces the edit. Compared by content, as every save answers fresh objects.
 */
export function useStoredValue<T>(stored: T) {
  const key = JSON.stringify(stored);
  const [value, setValue] = useState<T>(stored);
  useEffect(() => setValue(JSON.parse(key) as T), [key]);
  return { value, setValue, changed: JSON.stringify(value) !== key };
}

/**
 * A store-wide setting's card (shipping fees, vape countries): its title and what it means, while it
 * has never been saved that the store cannot quote without it, then its form with the save button.
 */
export function StoreSettingCard({
  part,
  missing,
  children,
  ...form
}: {
  part: 'shipping' | 'vape';
  missing: boolean;
  save: SaveState<never>;
  changed: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const titleId = `store-setting-${part}`;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{t(`storeSettings.${part}.title`)}</CardTitle>
        <CardDescription>{t(`storeSettings.${part}.description`)}</CardDescription>
      </CardHeader>
      <CardContent>
        {missing && (
          <p role="alert" className="font-medium text-destructive text-sm">
            {t(`storeSettings.${part}.missing`)}
          </p>
        )}
        <SettingsForm submitLabel={t(`storeSettings.${part}.save`)} {...form}>
          {children}
        </SettingsForm>
      </CardContent>
    </Card>
  );
}
