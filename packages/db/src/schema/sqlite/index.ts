/** The SQLite mirror of ../pg: same tables, columns, keys and indexes (test/parity.test.ts holds it to that). */
export * from './activities';
export * from './campaigns';
export * from './catalog';
export * from './entitlements';
export * from './identity';
export * from './nfts';
export * from './orders';
export * from './payments';
export * from './platform';
export * from './referrals';
export * from './snapshots';
