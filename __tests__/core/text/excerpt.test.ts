import { excerpt, shortInstruction } from '../../../src/core/text/excerpt';

describe('excerpt', () => {
  it('leaves text of up to the limit as it is', () => {
    expect(excerpt('', 5)).toBe('');
    expect(excerpt('12345', 5)).toBe('12345');
  });

  it('cuts longer text at the limit and says how long it was', () => {
    expect(excerpt('123456', 5)).toBe('12345... (6 characters)');
    expect(excerpt('x'.repeat(1_000_000), 3)).toBe('xxx... (1,000,000 characters)');
  });

  it('does not split a character that takes two UTF-16 units', () => {
    expect(excerpt('ab😀cd', 3)).toBe('ab... (6 characters)');
    expect(excerpt('ab😀cd', 4)).toBe('ab😀... (6 characters)');
  });
});

describe('shortInstruction', () => {
  it('shows a history line as the instruction written, on one line', () => {
    expect(shortInstruction('/bin/sh -c #(nop)  USER work', 60)).toBe('USER work');
    expect(shortInstruction('/bin/sh -c apt-get update &&\n    apt-get install -y curl', 60)).toBe('apt-get update && apt-get install -y curl');
    expect(shortInstruction('RUN /bin/sh -c make # buildkit', 60)).toBe('RUN /bin/sh -c make');
  });

  it('cuts a long one, saying how long it was', () => {
    expect(shortInstruction(`/bin/sh -c echo ${'y'.repeat(500)}`, 20)).toBe(`echo ${'y'.repeat(15)}... (505 characters)`);
  });
});
