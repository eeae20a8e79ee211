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
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Separator } from '../../../components/ui/separator';
import { formatUsdt } from '../../../lib/format';
import { trpc } from '../../../lib/trpc';
import { COLORWAY_LABEL, FLAVOR_LABEL, NICOTINE_LABEL, VARIANT_LABEL } from '../../../store/words';
import type { AdminOutputs } from '../api-types';
import { Choices } from './choices';
import { checkWith, type FieldErrors, serverFieldErrors } from './form-errors';
import { Saved } from './saved';

type StoreSettings = AdminOutputs['store']['settings'];
export type AdminProduct = StoreSettings['products'][number];

/** Keeps the page's copy of the store in step with what a save committed. */
function useSaved() {
  const utils = trpc.useUtils();
  return (saved: StoreSettings) => utils.admin.store.settings.setData(undefined, saved);
}

const kindLabel = (product: AdminProduct) =>
  product.kind === 'device'
    ? `${product.variant ? VARIANT_LABEL[product.variant] : ''} device`.trim()
    : 'Pods (one box)';

/** One product: its name, price and whether it is for sale, then its colorways or pod options. */
export function ProductCard({ product }: { product: AdminProduct }) {
  return (
    <Card aria-labelledby={`product-${product.sku}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={`product-${product.sku}`}>{product.name}</CardTitle>
          <Badge variant={product.active ? 'success' : 'outline'}>
            {product.active ? 'On sale' : 'Off sale'}
          </Badge>
        </div>
        <CardDescription>
          {kindLabel(product)} · {formatUsdt(product.price)}
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
  const [name, setName] = useState(product.name);
  const [price, setPrice] = useState(product.price);
  const [active, setActive] = useState(product.active);
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSaved = useSaved();
  const save = trpc.admin.store.updateProduct.useMutation({ onSuccess: onSaved });
  useEffect(() => {
    setName(product.name);
    setPrice(product.price);
    setActive(product.active);
  }, [product.name, product.price, product.active]);

  const changed = name !== product.name || price !== product.price || active !== product.active;
  const shown = { ...serverFieldErrors(save.error), ...errors };
  const id = (field: string) => `product-${product.sku}-${field}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(ZStoreProductUpdate, { sku: product.sku, name, price, active });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.data);
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <div className="grid items-start gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <FormField label="Name" error={shown.name}>
          <Input id={id('name')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField label="Price (USDT)" description="Whole cents, like 99.00" error={shown.price}>
          <Input
            id={id('price')}
            value={price}
            inputMode="decimal"
            autoComplete="off"
            onChange={(e) => setPrice(e.target.value)}
          />
        </FormField>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox
          id={id('active')}
          checked={active}
          onCheckedChange={(checked) => setActive(checked === true)}
        />
        <Label htmlFor={id('active')} className="font-normal">
          For sale (members can quote and buy it)
        </Label>
      </div>
      {save.error && <ErrorMessage error={save.error} fieldsShownInForm />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!changed || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save product'}
        </Button>
        <Saved when={save.isSuccess && !changed} />
      </div>
    </form>
  );
}

function ColorwaysForm({ product }: { product: AdminProduct }) {
  const [colorways, setColorways] = useState<TColorway[]>(product.colorways);
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSaved = useSaved();
  const save = trpc.admin.store.setColorways.useMutation({ onSuccess: onSaved });
  const stored = product.colorways.join();
  useEffect(() => {
    setColorways(stored ? (stored.split(',') as TColorway[]) : []);
  }, [stored]);

  const changed = colorways.join() !== stored;
  const shown = { ...serverFieldErrors(save.error), ...errors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(ZStoreColorwaysUpdate, { sku: product.sku, colorways });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.data);
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <Choices
        legend="Colorways"
        hint="Whitelist holders buy the community colorway only; everyone else buys the others."
        options={ZColorway.options}
        labels={COLORWAY_LABEL}
        chosen={colorways}
        onChange={setColorways}
        error={shown.colorways}
        idPrefix={`product-${product.sku}-colorways`}
      />
      {save.error && <ErrorMessage error={save.error} fieldsShownInForm />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={!changed || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save colorways'}
        </Button>
        <Saved when={save.isSuccess && !changed} />
      </div>
    </form>
  );
}

function PodOptionsForm({ product }: { product: AdminProduct }) {
  const stored = JSON.stringify([product.flavors, product.nicotine.vape ?? [], product.nicotine.fresh ?? []]);
  const [flavors, setFlavors] = useState<TPodFlavor[]>(product.flavors);
  const [vape, setVape] = useState<TNicotine[]>(product.nicotine.vape ?? []);
  const [fresh, setFresh] = useState<TNicotine[]>(product.nicotine.fresh ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSaved = useSaved();
  const save = trpc.admin.store.setPodOptions.useMutation({ onSuccess: onSaved });
  useEffect(() => {
    const [f, v, r] = JSON.parse(stored) as [TPodFlavor[], TNicotine[], TNicotine[]];
    setFlavors(f);
    setVape(v);
    setFresh(r);
  }, [stored]);

  const changed = JSON.stringify([flavors, vape, fresh]) !== stored;
  const shown = { ...serverFieldErrors(save.error), ...errors };
  const prefix = `product-${product.sku}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(ZStorePodOptionsUpdate, {
      sku: product.sku,
      flavors,
      nicotine: { vape, fresh },
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.data);
  }

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <Choices
        legend="Flavours"
        options={ZPodFlavor.options}
        labels={FLAVOR_LABEL}
        chosen={flavors}
        onChange={setFlavors}
        error={shown.flavors}
        idPrefix={`${prefix}-flavors`}
      />
      <Choices
        legend="Nicotine levels for vape pods"
        hint="A member buying vape pods picks one of these."
        options={ZNicotine.options}
        labels={NICOTINE_LABEL}
        chosen={vape}
        onChange={setVape}
        error={shown['nicotine.vape']}
        idPrefix={`${prefix}-nicotine-vape`}
      />
      <Choices
        legend="Nicotine levels for fresh pods"
        hint="Leave all unticked for no choice (fresh pods are sold without a level)."
        options={ZNicotine.options}
        labels={NICOTINE_LABEL}
        chosen={fresh}
        onChange={setFresh}
        error={shown['nicotine.fresh']}
        idPrefix={`${prefix}-nicotine-fresh`}
      />
      {save.error && <ErrorMessage error={save.error} fieldsShownInForm />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={!changed || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save pod options'}
        </Button>
        <Saved when={save.isSuccess && !changed} />
      </div>
    </form>
  );
}
