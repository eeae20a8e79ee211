/**
 * Leaving the SPA for another site (X's authorize page). An object rather than a bare call so tests
 * can watch it: jsdom cannot navigate.
 */
export const browserNavigation = {
  open(url: string): void {
    window.location.assign(url);
  },
};
