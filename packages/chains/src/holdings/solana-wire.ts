import { z } from 'zod';

/**
 * The parts of the Metaplex DAS asset list (as Helius, Triton and the reference indexer return it) that
 * decide ownership; everything else passes through unread.
 */
export const ZDasAsset = z
  .object({
    id: z.string(),
    interface: z.string(),
    grouping: z.array(z.object({ group_key: z.string(), group_value: z.string() }).loose()).default([]),
    ownership: z.object({ owner: z.string() }).loose(),
    burnt: z.boolean().default(false),
  })
  .loose();

export const ZDasAssetList = z.object({ items: z.array(ZDasAsset) }).loose();

/** `getTokenAccountsByOwner` with `encoding: 'jsonParsed'`, as the SPL token program's parser writes it. */
export const ZParsedTokenAccounts = z
  .object({
    value: z.array(
      z
        .object({
          pubkey: z.string(),
          account: z
            .object({
              data: z
                .object({
                  parsed: z
                    .object({
                      info: z
                        .object({
                          mint: z.string(),
                          owner: z.string().optional(),
                          tokenAmount: z.object({ amount: z.string(), decimals: z.number().int() }).loose(),
                        })
                        .loose(),
                    })
                    .loose(),
                })
                .loose(),
            })
            .loose(),
        })
        .loose(),
    ),
  })
  .loose();

/** The SPL Token program; web3.js 1.x does not export it (spl-token does, but is not a runtime dependency). */
export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
