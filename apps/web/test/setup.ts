import { configure } from '@testing-library/react';

// Pages load as lazy chunks, transformed on first import: on a shared, busy machine the first
// render of a page can take seconds. A find still returns as soon as its element appears.
configure({ asyncUtilTimeout: 10_000 });

// Every catalog is loaded before the tests, in English, so a page never waits on a translation chunk.
const { i18n, NAMESPACES } = await import('../src/i18n');
await i18n.changeLanguage('en');
await i18n.loadNamespaces(NAMESPACES);
