// drizzle-kit reads the tables of a schema file from its exports (it loads the file with require, its
// own TypeScript loader compiling index.ts); the tables are one object, so it gets them as the exports.
module.exports = require('./index.ts').sqliteTables;
