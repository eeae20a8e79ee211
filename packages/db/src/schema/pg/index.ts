/** The Postgres tables: the typed truth every query is written against. Only tables are exported here. */
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
