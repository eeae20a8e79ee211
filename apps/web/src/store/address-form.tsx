import { type TShippingAddress, ZShippingAddress } from '@puffy/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { Select } from '../components/ui/select';
import { countryName } from './countries';
import type { StoreT } from './words';

export type AddressDraft = Record<keyof TShippingAddress, string>;
type Field = keyof TShippingAddress;

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

/** The text fields in the order a parcel label reads; the country is a picker of its own. */
const TEXT_FIELDS: Array<{ field: Exclude<Field, 'country'>; type?: string; autoComplete: string }> = [
  { field: 'name', autoComplete: 'name' },
  { field: 'email', type: 'email', autoComplete: 'email' },
  { field: 'phone', type: 'tel', autoComplete: 'tel' },
  { field: 'line1', autoComplete: 'address-line1' },
  { field: 'line2', autoComplete: 'address-line2' },
  { field: 'city', autoComplete: 'address-level2' },
  { field: 'state', autoComplete: 'address-level1' },
  { field: 'postalCode', autoComplete: 'postal-code' },
];

export type AddressErrors = Partial<Record<Field, string>>;

/** A schema issue as advice in the member's language: what the field needs, with the schema's bound. */
function issueInWords(t: StoreT, issue: z.core.$ZodIssue): string {
  if (issue.path[0] === 'country') return t('address.problem.country');
  if (issue.code === 'too_small') {
    return Number(issue.minimum) <= 1
      ? t('address.problem.required')
      : t('address.problem.tooShort', { count: Number(issue.minimum) });
  }
  if (issue.code === 'too_big') return t('address.problem.tooLong', { count: Number(issue.maximum) });
  if (issue.path[0] === 'email') return t('address.problem.email');
  return t('address.problem.characters');
}

/** Checks the draft with the shared schema, so the browser refuses exactly what the server would. */
export function validateAddress(
  draft: AddressDraft,
  t: StoreT,
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
    const field = issue.path[0] as Field | undefined;
    if (field && !errors[field]) errors[field] = issueInWords(t, issue);
  }
  return { address: null, errors };
}

/** The server's field errors (`shippingAddress.phone`, or just `phone`) by address field. */
export function serverAddressErrors(fieldErrors: Record<string, string[]>): AddressErrors {
  const errors: AddressErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split('.').pop() as Field;
    if (field in EMPTY_ADDRESS && messages[0]) errors[field] = messages[0];
  }
  return errors;
}

/**
 * The shipping address fields of docs/product/orders.md, each with its message beside it. The country
 * is picked from `countries` (what the quote accepts for this cart), never typed, so it cannot be one
 * the server refuses; `countryLocked` keeps it as it is (an order's shipping was priced for it).
 */
export function AddressFields({
  draft,
  errors,
  onChange,
  countries,
  countryLocked = false,
}: {
  draft: AddressDraft;
  errors: AddressErrors;
  onChange: (draft: AddressDraft) => void;
  countries: readonly string[];
  countryLocked?: boolean;
}) {
  const { t } = useTranslation('store');
  // A country chosen before the cart changed stays visible (with its problem) instead of vanishing.
  const offered =
    draft.country && !countries.includes(draft.country) ? [draft.country, ...countries] : countries;
  return (
    <fieldset className="grid min-w-0 gap-4 sm:grid-cols-2">
      <legend className="mb-3 font-semibold text-base">{t('address.title')}</legend>
      <FormField
        label={t('address.field.country')}
        description={countryLocked ? t('address.countryLocked') : t('address.countryHint')}
        error={errors.country}
        className="sm:col-span-2"
      >
        <Select
          autoComplete="country"
          value={draft.country}
          disabled={countryLocked}
          onChange={(event) => onChange({ ...draft, country: event.target.value })}
        >
          <option value="" disabled>
            {t('address.chooseCountry')}
          </option>
          {offered.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </Select>
      </FormField>
      {TEXT_FIELDS.map(({ field, type, autoComplete }) => (
        <FormField
          key={field}
          label={t(`address.field.${field}`)}
          error={errors[field]}
          className={field === 'line1' || field === 'line2' ? 'sm:col-span-2' : undefined}
        >
          <Input
            type={type ?? 'text'}
            autoComplete={autoComplete}
            value={draft[field]}
            onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
          />
        </FormField>
      ))}
    </fieldset>
  );
}
