import type { TShippingAddress } from './order';

/**
 * One valid US shipping address for tests, the prod smoke and fixtures: a real-looking street, ZIP and
 * phone that pass the local address rules without warnings.
 */
export const SAMPLE_US_ADDRESS = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+1 415 555 2671',
  line1: '1 Market St',
  city: 'San Francisco',
  state: 'CA',
  postalCode: '94105',
  country: 'US',
} as const satisfies TShippingAddress;
