import type { TColorway } from '@puffy/contracts';
import { ShoppingCart, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { Select } from '../components/ui/select';
import { type Cart, maxQuantity, refusedLines, setColorway, setQuantity } from './cart';
import type { AllowedColorways } from './catalog-view';
import { describeItem } from './words';

/**
 * What is in the cart, with quantities to change; no prices (those come from the quote). A device line
 * whose colorway this member may not buy (chosen before signing in) asks for an allowed one in place,
 * so the quote never runs into the refusal.
 */
export function CartView({
  cart,
  allowed = null,
  onChange,
}: {
  cart: Cart;
  allowed?: AllowedColorways;
  onChange: (change: (cart: Cart) => Cart) => void;
}) {
  const { t } = useTranslation('store');
  if (cart.items.length === 0) {
    return (
      <p
        className="flex items-center gap-2 rounded-lg border border-dashed p-4 text-muted-foreground text-sm"
        data-testid="cart-empty"
      >
        <ShoppingCart className="size-4 shrink-0" aria-hidden="true" />
        {t('cart.empty')}
      </p>
    );
  }
  const refused = new Set(refusedLines(cart, allowed));
  return (
    <ul className="grid divide-y" data-testid="cart">
      {cart.items.map((item, index) => {
        const label = describeItem(t, item);
        const choices = item.kind === 'device' ? (allowed?.[item.variant] ?? []) : [];
        return (
          <li key={JSON.stringify({ ...item, quantity: 0 })} className="grid gap-2 py-3 first:pt-0 last:pb-0">
            <div className="flex items-center gap-2">
              <span className="min-w-0 flex-1 font-medium text-sm">{label}</span>
              <Input
                type="number"
                inputMode="numeric"
                className="w-20 shrink-0"
                aria-label={t('cart.quantityOf', { item: label })}
                min={0}
                max={maxQuantity(item.kind)}
                value={item.quantity}
                onChange={(event) => onChange((c) => setQuantity(c, index, Number(event.target.value) || 0))}
              />
              <Button
                variant="ghost"
                size="icon"
                className="text-muted-foreground hover:text-destructive"
                aria-label={t('cart.remove', { item: label })}
                onClick={() => onChange((c) => setQuantity(c, index, 0))}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
            {refused.has(index) && (
              <div
                className="grid gap-2 rounded-lg border border-warning/35 bg-warning/8 p-3 text-sm"
                data-testid="cart-line-problem"
              >
                {choices.length > 0 ? (
                  <FormField label={t('cart.colorwayRefused')}>
                    <Select
                      value=""
                      onChange={(e) => onChange((c) => setColorway(c, index, e.target.value as TColorway))}
                    >
                      <option value="" disabled>
                        {t('catalog.colorway')}
                      </option>
                      {choices.map((c) => (
                        <option key={c} value={c}>
                          {t(`colorwayOption.${c}`)}
                        </option>
                      ))}
                    </Select>
                  </FormField>
                ) : (
                  <p>{t('cart.deviceRefused')}</p>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
