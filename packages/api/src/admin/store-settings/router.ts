import {
  ZAdminStoreSettings,
  ZStoreColorwaysUpdate,
  ZStorePodOptionsUpdate,
  ZStoreProductUpdate,
  ZStoreShippingUpdate,
  ZStoreVapeCountriesUpdate,
} from '@puffy/contracts';
import { router } from '../../trpc/init';
import { byOperator } from '../../trpc/resolvers';
import { settingsDesk } from '../desks';
import { setColorways, setPodOptions, setShipping, setVapeCountries, updateProduct } from './edit';
import { readStoreSettingsForAdmin } from './read';

/** Reads and edits alike answer with the whole store settings, as committed. */
const storeSettings = settingsDesk.output(ZAdminStoreSettings);

/**
 * `admin.store.*`: the catalog and the store settings (docs/product/admin.md). An edit drops every
 * instance's cached catalog at once.
 */
export const storeSettingsRouter = router({
  store: router({
    settings: storeSettings.query(({ ctx }) => readStoreSettingsForAdmin(ctx.deps, ctx.deps.db.db)),
    updateProduct: storeSettings.input(ZStoreProductUpdate).mutation(byOperator(updateProduct)),
    setColorways: storeSettings.input(ZStoreColorwaysUpdate).mutation(byOperator(setColorways)),
    setPodOptions: storeSettings.input(ZStorePodOptionsUpdate).mutation(byOperator(setPodOptions)),
    setShipping: storeSettings.input(ZStoreShippingUpdate).mutation(byOperator(setShipping)),
    setVapeCountries: storeSettings.input(ZStoreVapeCountriesUpdate).mutation(byOperator(setVapeCountries)),
  }),
});
