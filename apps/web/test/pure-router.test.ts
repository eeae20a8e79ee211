// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { isReactRouterChunk, markComponentsPure } from '../vite-pure-router';

/** The installed React Router's chunks, where the bundler reads its components from. */
function routerChunks(): string[] {
  const fromWeb = createRequire(import.meta.url);
  const dir = dirname(createRequire(fromWeb.resolve('react-router-dom')).resolve('react-router'));
  return readdirSync(dir)
    .filter((name) => /^chunk-.+\.mjs$/.test(name))
    .map((name) => join(dir, name));
}

describe('pure React Router components in the build', () => {
  it('rewrites the chunks React Router ships, and nothing else', () => {
    const chunks = routerChunks();
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(isReactRouterChunk(chunk)).toBe(true);
    expect(isReactRouterChunk('/app/node_modules/react-router/dist/production/index.mjs')).toBe(false);
    expect(isReactRouterChunk('/app/src/pages/chunk-list.mjs')).toBe(false);
  });

  it('still finds the shape it rewrites: the components and contexts, then their display names', () => {
    const code = routerChunks()
      .map((chunk) => readFileSync(chunk, 'utf8'))
      .join('\n');
    const rewritten = markComponentsPure(code);
    // Form is what this exists for: if React Router stops writing it this way, the saving is gone.
    expect(code).toMatch(/^var Form = React\d*\.forwardRef\(/m);
    expect(rewritten).toMatch(/^var Form = \/\* @__PURE__ \*\/ React\d*\.forwardRef\(/m);
    expect(rewritten).not.toMatch(/^Form\.displayName = /m);
    expect((rewritten.match(/@__PURE__ \*\/ React\d*\.createContext\(/g) ?? []).length).toBeGreaterThan(5);
  });

  it('leaves valid JavaScript that differs only by those marks and names', () => {
    for (const chunk of routerChunks()) {
      const code = readFileSync(chunk, 'utf8');
      const rewritten = markComponentsPure(code);
      expect(() => parseAst(rewritten)).not.toThrow();
      const withoutMarks = rewritten.replace(
        /= \/\* @__PURE__ \*\/ (React\d*)\.(forwardRef|createContext)\(/g,
        '= $1.$2(',
      );
      const withoutNames = code.replace(/^[A-Za-z_$][\w$]*\.displayName = "[^"\n]*";$/gm, '');
      expect(withoutMarks).toBe(withoutNames);
    }
  });
});
