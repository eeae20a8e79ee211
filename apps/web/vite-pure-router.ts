import type { Plugin } from 'vite';

/**
 * React Router ships its components as module-level `React.forwardRef(…)` and `React.createContext(…)`
 * calls followed by `X.displayName = "X"`, with no pure annotations. A bundler must assume such a
 * call or assignment has side effects, so the production bundle kept `<Form>`, `useSubmit` and the
 * form-submission helpers that this SPA never uses (1.4 KB gzip of the 150 KB first-load budget,
 * docs/design-system.md, "First load"). This marks those calls pure and drops the display names in
 * production builds only, so the bundler removes what nothing imports; development keeps the names
 * for React's tools. test/pure-router.test.ts checks the installed React Router still has the shape
 * this rewrites, so an upgrade that changes it fails a test instead of quietly growing the bundle.
 */
export function pureReactRouter(): Plugin {
  return {
    name: 'puffy:pure-react-router',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      return isReactRouterChunk(id) ? markComponentsPure(code) : null;
    },
  };
}

export const isReactRouterChunk = (id: string): boolean =>
  /[\\/]react-router[\\/]dist[\\/](development|production)[\\/]chunk-[^\\/]+\.mjs$/.test(id);

/** `var Form = React10.forwardRef(` gains a pure mark; `Form.displayName = "Form";` lines go. */
export function markComponentsPure(code: string): string {
  return code
    .replace(/^[A-Za-z_$][\w$]*\.displayName = "[^"\n]*";$/gm, '')
    .replace(/= (React\d*)\.(forwardRef|createContext)\(/g, '= /* @__PURE__ */ $1.$2(');
}
