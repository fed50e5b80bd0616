import { cutText } from '../src/core/cut-text';

describe('cutText', () => {
  it('leaves text of up to the limit as it is', () => {
    expect(cutText('', 5)).toBe('');
    expect(cutText('12345', 5)).toBe('12345');
  });

  it('cuts longer text at the limit and says how long it was', () => {
    expect(cutText('123456', 5)).toBe('12345... (6 characters)');
    expect(cutText('x'.repeat(1_000_000), 3)).toBe('xxx... (1,000,000 characters)');
  });

  it('does not split a character that takes two UTF-16 units', () => {
    expect(cutText('ab😀cd', 3)).toBe('ab... (6 characters)');
    expect(cutText('ab😀cd', 4)).toBe('ab😀... (6 characters)');
  });
});
