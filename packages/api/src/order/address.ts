import type { TShippingAddress } from '@puffy/contracts';
import { type CountryCode, isSupportedCountry, isValidPhoneNumber } from 'libphonenumber-js';
import type { AddressValidator } from '../store/config';

/** Postal code shapes of the countries we ship to most; others are accepted as written. */
const POSTAL_PATTERNS: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(?:-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  AU: /^\d{4}$/,
  JP: /^\d{3}-?\d{4}$/,
  CN: /^\d{6}$/,
};

/** The local rules: the phone number must be dialable in the country, the postal code of its shape. */
export const localAddressValidator: AddressValidator = {
  async validate(address: TShippingAddress): Promise<string[]> {
    const warnings: string[] = [];
    const country = address.country;
    const phoneOk = isSupportedCountry(country)
      ? isValidPhoneNumber(address.phone, country as CountryCode)
      : isValidPhoneNumber(address.phone);
    if (!phoneOk) warnings.push(`The phone number "${address.phone}" does not look valid for ${country}.`);
    const pattern = POSTAL_PATTERNS[country];
    if (pattern && !pattern.test(address.postalCode.trim())) {
      warnings.push(`The postal code "${address.postalCode}" does not look like a ${country} postal code.`);
    }
    return warnings;
  },
};
