import type { TColorway } from '@puffy/contracts';
import { type Cart, refusedLines, setColorway, setQuantity } from './cart';
import type { AllowedColorways } from './catalog-view';
import { COLORWAY_LABEL, describeItem } from './words';

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
  if (cart.items.length === 0) {
    return (
      <p className="muted" data-testid="cart-empty">
        Your cart is empty.
      </p>
    );
  }
  const refused = new Set(refusedLines(cart, allowed));
  return (
    <ul className="store-cart" data-testid="cart">
      {cart.items.map((item, index) => {
        const label = describeItem(item);
        const choices = item.kind === 'device' ? (allowed?.[item.variant] ?? []) : [];
        return (
          <li key={JSON.stringify({ ...item, quantity: 0 })} className="store-cart-line">
            <span className="store-cart-item">{label}</span>
            <label>
              <span className="visually-hidden">Quantity of {label}</span>
              <input
                type="number"
                min={0}
                max={item.kind === 'device' ? 5 : 50}
                value={item.quantity}
                onChange={(event) => onChange((c) => setQuantity(c, index, Number(event.target.value) || 0))}
              />
            </label>
            <button
              type="button"
              className="button-danger"
              onClick={() => onChange((c) => setQuantity(c, index, 0))}
            >
              Remove <span className="visually-hidden">{label}</span>
            </button>
            {refused.has(index) && (
              <p className="store-cart-problem" data-testid="cart-line-problem">
                {choices.length > 0 ? (
                  <label>
                    This colorway is not available to you. Choose another:{' '}
                    <select
                      value=""
                      onChange={(e) => onChange((c) => setColorway(c, index, e.target.value as TColorway))}
                    >
                      <option value="" disabled>
                        Colorway
                      </option>
                      {choices.map((c) => (
                        <option key={c} value={c}>
                          {COLORWAY_LABEL[c]}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  'This device is not available to you at the moment; remove it to go on.'
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
