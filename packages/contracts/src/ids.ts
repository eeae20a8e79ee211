import { z } from 'zod';

/** Integer ids live in columns that are 32-bit on Postgres: a larger number names nothing there. */
export const ID_MAX = 2_147_483_647;

/** The id of a row (campaign, activity, promotion, NFT, group) as a client names it. */
export const ZId = z
  .number()
  .int('This number must be whole.')
  .positive('This number must be 1 or more.')
  .max(ID_MAX, 'This number is too large to name anything here.');
