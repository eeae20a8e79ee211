import { act, cleanup, render } from '@testing-library/react';
import { MemoryRouter, type NavigateFunction, Route, Routes, useNavigate } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScrollRestoration } from '../src/lib/scroll-restoration';

let navigate: NavigateFunction = () => undefined;
function Page() {
  useScrollRestoration();
  navigate = useNavigate();
  return null;
}

describe('useScrollRestoration', () => {
  const scrollTo = vi.fn((_x: number, y: number) => {
    Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  });
  beforeEach(() => {
    scrollTo.mockClear();
    window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  });
  afterEach(cleanup);

  /** The page under a router that starts at `path`, as the app's routes would show it. */
  const renderAt = (path: string) =>
    render(
      <MemoryRouter initialEntries={[path]} useTransitions={false}>
        <Routes>
          <Route path="*" element={<Page />} />
        </Routes>
      </MemoryRouter>,
    );

  it('starts a new page at the top, leaves a query change alone, and returns to the place on back', () => {
    renderAt('/campaigns');
    Object.defineProperty(window, 'scrollY', { value: 640, configurable: true });
    scrollTo.mockClear();

    act(() => navigate('/campaigns?phase=ended'));
    expect(scrollTo).not.toHaveBeenCalled();

    act(() => navigate('/store'));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);

    act(() => navigate(-1));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 640);
  });

  it('leaves the scroll to the browser for a link to an anchor', () => {
    renderAt('/');
    scrollTo.mockClear();
    act(() => navigate('/store#pods'));
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
