export { createCoreCollection } from './collection';
export {
  type CoreCreate,
  decodeCoreAsset,
  decodeCoreCreate,
  findCoreCreate,
  MPL_CORE_PROGRAM_ID,
} from './core-create';
export {
  buildCoreCreateTransaction,
  type CoreCreateTransactionInput,
  type CoreMinted,
  type CoreMinter,
  type CoreMinterOptions,
  type CoreMintRequest,
  createCoreMinter,
  generateMintAuthority,
  parseMintAuthorityKey,
} from './core-minter';
