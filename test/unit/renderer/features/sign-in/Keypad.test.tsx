import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Keypad } from '../../../../../renderer/src/features/sign-in/Keypad';

afterEach(cleanup);

function setup(disabled = false) {
  const props = { onDigit: vi.fn(), onBackspace: vi.fn(), onEnter: vi.fn(), onEscape: vi.fn() };
  render(<Keypad {...props} disabled={disabled} />);
  return props;
}

describe('Keypad', () => {
  it('has a big button for every digit, delete and sign in', () => {
    const props = setup();
    for (const d of '0123456789') fireEvent.click(screen.getByTestId(`keypad-${d}`));
    fireEvent.click(screen.getByTestId('keypad-backspace'));
    fireEvent.click(screen.getByTestId('keypad-enter'));
    expect(props.onDigit.mock.calls.map((c) => c[0])).toEqual([...'0123456789']);
    expect(props.onBackspace).toHaveBeenCalledTimes(1);
    expect(props.onEnter).toHaveBeenCalledTimes(1);
  });

  it('listens to the physical digit keys (row and numpad), Backspace, Enter and Escape', () => {
    const props = setup();
    fireEvent.keyDown(window, { key: '7', code: 'Digit7' });
    fireEvent.keyDown(window, { key: '3', code: 'Numpad3' });
    fireEvent.keyDown(window, { key: 'Backspace' });
    fireEvent.keyDown(window, { key: 'Enter' });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(props.onDigit.mock.calls.map((c) => c[0])).toEqual(['7', '3']);
    expect(props.onBackspace).toHaveBeenCalledTimes(1);
    expect(props.onEnter).toHaveBeenCalledTimes(1);
    expect(props.onEscape).toHaveBeenCalledTimes(1);
  });

  it('Enter on a focused keypad button submits without also pressing that button', () => {
    const props = setup();
    const five = screen.getByTestId('keypad-5');
    five.focus();
    const notCancelled = fireEvent.keyDown(five, { key: 'Enter' });
    expect(notCancelled).toBe(false);
    expect(props.onEnter).toHaveBeenCalledTimes(1);
    expect(props.onDigit).not.toHaveBeenCalled();
  });

  it('ignores shortcuts with modifiers, typing in text fields, and everything while disabled', () => {
    const props = setup();
    fireEvent.keyDown(window, { key: '1', altKey: true });
    fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: '2' });
    input.remove();
    expect(props.onDigit).not.toHaveBeenCalled();
    cleanup();
    const disabled = setup(true);
    fireEvent.keyDown(window, { key: '4' });
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(disabled.onDigit).not.toHaveBeenCalled();
    expect(disabled.onEnter).not.toHaveBeenCalled();
    expect((screen.getByTestId('keypad-4') as HTMLButtonElement).disabled).toBe(true);
  });

  it('stops listening once gone', () => {
    const props = setup();
    cleanup();
    fireEvent.keyDown(window, { key: '9' });
    expect(props.onDigit).not.toHaveBeenCalled();
  });
});
