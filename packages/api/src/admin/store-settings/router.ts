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
import { byOperator } from '../../trpc/resolvers';
import { setColorways, setPodOptions, setShipping, setVapeCountries, updateProduct } from './edit';
import { readStoreSettingsForAdmin } from './read';

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
      .mutation(byOperator(updateProduct)),
    setColorways: storeAdmin
      .input(ZStoreColorwaysUpdate)
      .output(ZAdminStoreSettings)
      .mutation(byOperator(setColorways)),
    setPodOptions: storeAdmin
      .input(ZStorePodOptionsUpdate)
      .output(ZAdminStoreSettings)
      .mutation(byOperator(setPodOptions)),
    setShipping: storeAdmin
      .input(ZStoreShippingUpdate)
      .output(ZAdminStoreSettings)
      .mutation(byOperator(setShipping)),
    setVapeCountries: storeAdmin
      .input(ZStoreVapeCountriesUpdate)
      .output(ZAdminStoreSettings)
      .mutation(byOperator(setVapeCountries)),
  }),
});
