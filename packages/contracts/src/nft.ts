import { z } from 'zod';
import { ZSolanaAddress, ZSolanaSignature } from './auth';
import { ZNetwork, ZNftStatus } from './enums';
import { ZId } from './ids';

export const ZNftPublicInput = z.object({ id: ZId });

/** What anyone may see of an NFT: nothing that identifies the member beyond a short wallet address. */
export const ZNftPublic = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  symbol: z.string(),
  description: z.string().nullable(),
  image: z.string().nullable(),
  sequence: z.number().int().positive(),
  network: ZNetwork,
  status: ZNftStatus,
  /** `Abcd…wxyz`: enough to recognise one's own wallet, too little to look anyone up by. */
  ownerShort: z.string(),
  campaign: z.object({ id: z.number().int().positive(), name: z.string(), slug: z.string() }),
  assetAddress: ZSolanaAddress.nullable(),
  mintSignature: ZSolanaSignature.nullable(),
  explorerUrl: z.url().nullable(),
});
export type TNftPublic = z.infer<typeof ZNftPublic>;
