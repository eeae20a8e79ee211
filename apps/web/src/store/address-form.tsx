import { type TShippingAddress, ZShippingAddress } from '@puffy/contracts';
import { useId } from 'react';

export type AddressDraft = Record<keyof TShippingAddress, string>;

export const EMPTY_ADDRESS: AddressDraft = {
  name: '',
  email: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
};

const FIELDS: Array<{ field: keyof TShippingAddress; label: string; type?: string; autoComplete: string }> = [
  { field: 'name', label: 'Full name', autoComplete: 'name' },
  { field: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel' },
  { field: 'line1', label: 'Address line 1', autoComplete: 'address-line1' },
  { field: 'line2', label: 'Address line 2 (optional)', autoComplete: 'address-line2' },
  { field: 'city', label: 'City', autoComplete: 'address-level2' },
  { field: 'state', label: 'State or region (optional)', autoComplete: 'address-level1' },
  { field: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
  { field: 'country', label: 'Country (two-letter code)', autoComplete: 'country' },
];

export type AddressErrors = Partial<Record<keyof TShippingAddress, string>>;

/** Checks the draft with the shared schema; the messages are the schema's own. */
export function validateAddress(
  draft: AddressDraft,
): { address: TShippingAddress; errors: null } | { address: null; errors: AddressErrors } {
  const result = ZShippingAddress.safeParse({
    ...draft,
    country: draft.country.trim().toUpperCase(),
    line2: draft.line2.trim() === '' ? null : draft.line2,
    state: draft.state.trim() === '' ? null : draft.state,
  });
  if (result.success) return { address: result.data, errors: null };
  const errors: AddressErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof TShippingAddress | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { address: null, errors };
}

/** The server's field errors (`shippingAddress.phone`, or just `phone`) by address field. */
export function serverAddressErrors(fieldErrors: Record<string, string[]>): AddressErrors {
  const errors: AddressErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split('.').pop() as keyof TShippingAddress;
    if (field in EMPTY_ADDRESS && messages[0]) errors[field] = messages[0];
  }
  return errors;
}

/** The shipping address fields of docs/product/orders.md, each with its message beside it. */
export function AddressFields({
  draft,
  errors,
  onChange,
  countries,
}: {
  draft: AddressDraft;
  errors: AddressErrors;
  onChange: (draft: AddressDraft) => void;
  /** Suggested country codes (those the catalog names). */
  countries: string[];
}) {
  const id = useId();
  return (
    <fieldset className="store-address">
      <legend>Shipping address</legend>
      {FIELDS.map(({ field, label, type, autoComplete }) => {
        const inputId = `${id}-${field}`;
        const error = errors[field];
        return (
          <div key={field} className="store-field">
            <label htmlFor={inputId}>{label}</label>
            <input
              id={inputId}
              type={type ?? 'text'}
              autoComplete={autoComplete}
              value={draft[field]}
              list={field === 'country' ? `${id}-countries` : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
            />
            {error && (
              <p id={`${inputId}-error`} className="store-field-error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <datalist id={`${id}-countries`}>
        {countries.map((country) => (
          <option key={country} value={country} />
        ))}
      </datalist>
    </fieldset>
  );
}
