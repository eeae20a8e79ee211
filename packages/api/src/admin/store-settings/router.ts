import {
  ZAdminStoreSettings,
  ZStoreColorwaysUpdate,
  ZStorePodOptionsUpdate,
  ZStoreProductUpdate,
  ZStoreShippingUpdate,
  ZStoreVapeCountriesUpdate,
} from '@puffy/contracts';
import { router } from '../../trpc/init';
import { adminProcedure } from '../../trpc/procedures';
import { setColorways, setPodOptions, setShipping, setVapeCountries, updateProduct } from './edit';
import { readStoreSettingsForAdmin } from './read';

const actorOf = (ctx: { session: { userId: string }; req: { requestId: string } }) => ({
  userId: ctx.session.userId,
  requestId: ctx.req.requestId,
});

const storeAdmin = adminProcedure('settings');

/**
 * `admin.store.*`: the catalog and the store settings (docs/product/admin.md). Each edit answers with
 * the whole section as committed, and every instance's cached catalog is dropped at once.
 */
export const storeSettingsRouter = router({
  store: router({
    settings: storeAdmin
      .output(ZAdminStoreSettings)
      .query(({ ctx }) => readStoreSettingsForAdmin(ctx.deps, ctx.deps.db.db)),
    updateProduct: storeAdmin
      .input(ZStoreProductUpdate)
      .output(ZAdminStoreSettings)
      .mutation(({ ctx, input }) => updateProduct(ctx.deps, actorOf(ctx), input)),
    setColorways: storeAdmin
      .input(ZStoreColorwaysUpdate)
      .output(ZAdminStoreSettings)
      .mutation(({ ctx, input }) => setColorways(ctx.deps, actorOf(ctx), input)),
    setPodOptions: storeAdmin
      .input(ZStorePodOptionsUpdate)
      .output(ZAdminStoreSettings)
      .mutation(({ ctx, input }) => setPodOptions(ctx.deps, actorOf(ctx), input)),
    setShipping: storeAdmin
      .input(ZStoreShippingUpdate)
      .output(ZAdminStoreSettings)
      .mutation(({ ctx, input }) => setShipping(ctx.deps, actorOf(ctx), input)),
    setVapeCountries: storeAdmin
      .input(ZStoreVapeCountriesUpdate)
      .output(ZAdminStoreSettings)
      .mutation(({ ctx, input }) => setVapeCountries(ctx.deps, actorOf(ctx), input)),
  }),
});
