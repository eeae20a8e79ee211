export { commitmentOf, newSeed, SeedError, seedBytes } from './commitment';
export { DRAW_VERSION, type DrawInputs, type DrawnWinner, type DrawResult, drawWinners } from './draw';
export {
  ENTRIES_HEADER,
  EntryListError,
  entriesDigest,
  parseEntries,
  serializeEntries,
  type TRaffleEntry,
  ZRaffleEntry,
} from './entries';
