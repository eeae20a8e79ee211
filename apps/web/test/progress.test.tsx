import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Progress } from '../src/components/ui/progress';

afterEach(cleanup);

describe('Progress', () => {
  it('is a labelled ARIA progress bar with its share in words', () => {
    render(<Progress value={42.4} aria-label="Places taken" />);
    const bar = screen.getByRole('progressbar', { name: 'Places taken' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuenow')).toBe('42.4');
    expect(bar.getAttribute('aria-valuetext')).toBe('42%');
    const indicator = bar.querySelector<HTMLElement>('[data-slot="progress-indicator"]');
    expect(indicator?.style.transform).toBe('translateX(-57.6%)');
  });

  it('keeps a share outside 0–100 on the bar', () => {
    const { rerender } = render(<Progress value={150} aria-label="Over" />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    rerender(<Progress value={-5} aria-label="Under" />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('0%');
  });

  it('lets a caller change its height', () => {
    render(<Progress value={10} aria-label="Thin" className="h-1.5" />);
    expect(screen.getByRole('progressbar').className).toContain('h-1.5');
    expect(screen.getByRole('progressbar').className).not.toMatch(/\bh-2\b/);
  });
});
