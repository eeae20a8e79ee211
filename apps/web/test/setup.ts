import { configure } from '@testing-library/react';

// Pages load as lazy chunks, transformed on first import: on a shared, busy machine the first
// render of a page can take seconds. A find still returns as soon as its element appears.
configure({ asyncUtilTimeout: 10_000 });
