import { describe, expect, it, vi } from 'vitest';
import { reportStartupError, startupErrorMessage } from './startup-error';

describe('start-up errors', () => {
  it('say what failed, where the data is, and what to do', () => {
    const { title, detail } = startupErrorMessage(
      new Error('EACCES: permission denied'),
      '/home/me/.config/Lantern',
    );
    expect(title).toBe('Lantern could not start');
    expect(detail).toMatch(/^EACCES: permission denied/);
    expect(detail).toContain('/home/me/.config/Lantern');
    expect(detail).toContain('Start Lantern again');
  });

  it('are shown, then the app ends with exit code 1, even when showing fails', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const exit = vi.fn();
    expect(() =>
      reportStartupError('boom', {
        show: () => {
          throw new Error('no display');
        },
        exit,
      }),
    ).toThrow('no display');
    expect(exit).toHaveBeenCalledWith(1);
    const show = vi.fn();
    reportStartupError(new Error('boom'), { show, exit });
    expect(show).toHaveBeenCalledWith('Lantern could not start', expect.stringContaining('boom'));
    error.mockRestore();
  });
});
