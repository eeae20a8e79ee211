import {
  type TAdminStoreSettings,
  ZAdminStoreSettings,
  ZStoreColorwaysUpdate,
  ZStorePodOptionsUpdate,
  ZStoreProductUpdate,
  ZStoreShippingUpdate,
  ZStoreVapeCountriesUpdate,
} from '@puffy/contracts';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import type { AuditActor } from '../../platform/audit';
import { router } from '../../trpc/init';
import { byOperator } from '../../trpc/resolvers';
import { settingsDesk } from '../desks';
import { setColorways, setPodOptions, setShipping, setVapeCountries, updateProduct } from './edit';
import { readStoreSettingsForAdmin } from './read';

/** Reads and edits alike answer with the whole store settings, as committed. */
const storeSettings = settingsDesk.output(ZAdminStoreSettings);

/** An operator's audited edit of one part of the store, checked against its input schema. */
function edit<I extends object, Given>(
  input: z.ZodType<I, Given>,
  serve: (deps: Deps, actor: AuditActor, input: I) => Promise<TAdminStoreSettings>,
) {
  // tRPC types a resolver's input conditionally on its parser, which TypeScript cannot settle for a
  // generic schema; the parser is `input`, so what reaches the resolver is its output, an I.
  return storeSettings
    .input(input)
    .mutation(({ ctx, input }) => byOperator(serve)({ ctx, input: input as I }));
}

/**
 * `admin.store.*`: the catalog and the store settings (docs/product/admin.md). An edit drops every
 * instance's cached catalog at once.
 */
export const storeSettingsRouter = router({
  store: router({
    settings: storeSettings.query(({ ctx }) => readStoreSettingsForAdmin(ctx.deps, ctx.deps.db.db)),
    updateProduct: edit(ZStoreProductUpdate, updateProduct),
    setColorways: edit(ZStoreColorwaysUpdate, setColorways),
    setPodOptions: edit(ZStorePodOptionsUpdate, setPodOptions),
    setShipping: edit(ZStoreShippingUpdate, setShipping),
    setVapeCountries: edit(ZStoreVapeCountriesUpdate, setVapeCountries),
  }),
});
