import {
  type TColorway,
  type TNicotine,
  type TPodFlavor,
  ZColorway,
  ZNicotine,
  ZPodFlavor,
  ZStoreColorwaysUpdate,
  ZStorePodOptionsUpdate,
  ZStoreProductUpdate,
} from '@puffy/contracts';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Separator } from '../../../components/ui/separator';
import { formatUsdt } from '../../../lib/format';
import { trpc } from '../../../lib/trpc';
import type { AdminOutputs } from '../api-types';
import { Choices } from './choices';
import { SettingsForm, useSettingsCheck, useStoredValue, useStoreSaved } from './settings-form';

export type AdminProduct = AdminOutputs['store']['settings']['products'][number];

/** One product: its name, price and whether it is for sale, then its colorways or pod options. */
export function ProductCard({ product }: { product: AdminProduct }) {
  const { t } = useTranslation('admin');
  const kind =
    product.kind === 'device'
      ? t('storeSettings.product.device', {
          variant: product.variant ? t(`storeSettings.variants.${product.variant}`) : '',
        }).trim()
      : t('storeSettings.product.pods');
  return (
    <Card aria-labelledby={`product-${product.sku}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={`product-${product.sku}`}>{product.name}</CardTitle>
          <Badge variant={product.active ? 'success' : 'outline'}>
            {product.active ? t('storeSettings.product.onSale') : t('storeSettings.product.offSale')}
          </Badge>
        </div>
        <CardDescription>
          {kind} · {formatUsdt(product.price)}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ProductBasics product={product} />
        <Separator />
        {product.kind === 'device' ? (
          <ColorwaysForm product={product} />
        ) : (
          <PodOptionsForm product={product} />
        )}
      </CardContent>
    </Card>
  );
}

function ProductBasics({ product }: { product: AdminProduct }) {
  const { t } = useTranslation('admin');
  const basics = useStoredValue({ name: product.name, price: product.price, active: product.active });
  const { name, price, active } = basics.value;
  const set = (patch: Partial<typeof basics.value>) =>
    basics.setValue((current) => ({ ...current, ...patch }));
  const save = trpc.admin.store.updateProduct.useMutation({ onSuccess: useStoreSaved() });
  const { shown, submit } = useSettingsCheck(ZStoreProductUpdate, save);
  const id = (field: string) => `product-${product.sku}-${field}`;
  return (
    <SettingsForm
      save={save}
      changed={basics.changed}
      submitLabel={t('storeSettings.product.save')}
      onSubmit={() => submit({ sku: product.sku, name, price, active })}
    >
      <div className="grid items-start gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <FormField label={t('storeSettings.product.name')} error={shown.name}>
          <Input
            id={id('name')}
            value={name}
            maxLength={80}
            onChange={(e) => set({ name: e.target.value })}
          />
        </FormField>
        <FormField
          label={t('storeSettings.product.price')}
          description={t('storeSettings.product.priceHint')}
          error={shown.price}
        >
          <Input
            id={id('price')}
            value={price}
            inputMode="decimal"
            autoComplete="off"
            onChange={(e) => set({ price: e.target.value })}
          />
        </FormField>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox
          id={id('active')}
          checked={active}
          onCheckedChange={(checked) => set({ active: checked === true })}
        />
        <Label htmlFor={id('active')} className="font-normal">
          {t('storeSettings.product.forSale')}
        </Label>
      </div>
    </SettingsForm>
  );
}

function ColorwaysForm({ product }: { product: AdminProduct }) {
  const { t } = useTranslation('admin');
  const colorways = useStoredValue<TColorway[]>(product.colorways);
  const save = trpc.admin.store.setColorways.useMutation({ onSuccess: useStoreSaved() });
  const { shown, submit } = useSettingsCheck(ZStoreColorwaysUpdate, save);
  return (
    <OptionsForm
      part="colorways"
      save={save}
      stored={colorways}
      onSubmit={() => submit({ sku: product.sku, colorways: colorways.value })}
    >
      <Choices
        legend={t('storeSettings.colorways.title')}
        hint={t('storeSettings.colorways.hint')}
        options={ZColorway.options}
        label={(c) => t(`storeSettings.colorways.names.${c}`)}
        chosen={colorways.value}
        onChange={colorways.setValue}
        error={shown.colorways}
        idPrefix={`product-${product.sku}-colorways`}
      />
    </OptionsForm>
  );
}

/**
 * A product's option form (colorways, pods): a secondary save under the product's main fields, enabled
 * once its stored value is edited.
 */
function OptionsForm({
  part,
  stored,
  ...form
}: {
  part: 'colorways' | 'pods';
  stored: { changed: boolean };
} & Omit<ComponentProps<typeof SettingsForm>, 'submitLabel' | 'secondary' | 'changed'>) {
  const { t } = useTranslation('admin');
  return (
    <SettingsForm
      submitLabel={t(`storeSettings.${part}.save`)}
      secondary
      changed={stored.changed}
      {...form}
    />
  );
}

interface PodOptions {
  flavors: TPodFlavor[];
  vape: TNicotine[];
  fresh: TNicotine[];
}

/** Pods come in two nicotine kinds, each with its own levels; the form asks the same for each. */
const NICOTINE_KINDS = ['vape', 'fresh'] as const;

function PodOptionsForm({ product }: { product: AdminProduct }) {
  const { t } = useTranslation('admin');
  const options = useStoredValue<PodOptions>({
    flavors: product.flavors,
    vape: product.nicotine.vape ?? [],
    fresh: product.nicotine.fresh ?? [],
  });
  const save = trpc.admin.store.setPodOptions.useMutation({ onSuccess: useStoreSaved() });
  const { shown, submit } = useSettingsCheck(ZStorePodOptionsUpdate, save);
  const { flavors, vape, fresh } = options.value;
  const set = (patch: Partial<PodOptions>) => options.setValue((current) => ({ ...current, ...patch }));
  const prefix = `product-${product.sku}`;
  const nicotine = (level: TNicotine) => t(`storeSettings.pods.nicotine.${level}`);
  return (
    <OptionsForm
      part="pods"
      save={save}
      stored={options}
      onSubmit={() => submit({ sku: product.sku, flavors, nicotine: { vape, fresh } })}
    >
      <Choices
        legend={t('storeSettings.pods.flavors')}
        options={ZPodFlavor.options}
        label={(f) => t(`storeSettings.pods.flavorNames.${f}`)}
        chosen={flavors}
        onChange={(next) => set({ flavors: next })}
        error={shown.flavors}
        idPrefix={`${prefix}-flavors`}
      />
      {NICOTINE_KINDS.map((kind) => (
        <Choices
          key={kind}
          legend={t(`storeSettings.pods.${kind}Levels`)}
          hint={t(`storeSettings.pods.${kind}Hint`)}
          options={ZNicotine.options}
          label={nicotine}
          chosen={options.value[kind]}
          onChange={(next) => set({ [kind]: next })}
          error={shown[`nicotine.${kind}`]}
          idPrefix={`${prefix}-nicotine-${kind}`}
        />
      ))}
    </OptionsForm>
  );
}
