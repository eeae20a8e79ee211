import { type Cart, setQuantity } from './cart';
import { describeItem } from './words';

/** What is in the cart, with quantities to change; no prices (those come from the quote). */
export function CartView({
  cart,
  onChange,
}: {
  cart: Cart;
  onChange: (change: (cart: Cart) => Cart) => void;
}) {
  if (cart.items.length === 0) {
    return (
      <p className="muted" data-testid="cart-empty">
        Your cart is empty.
      </p>
    );
  }
  return (
    <ul className="store-cart" data-testid="cart">
      {cart.items.map((item, index) => {
        const label = describeItem(item);
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
          </li>
        );
      })}
    </ul>
  );
}
