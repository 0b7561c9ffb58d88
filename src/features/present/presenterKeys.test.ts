import { describe, expect, it } from 'vitest';
import { presenterKeyAction, type KeyTarget, type PresenterKey } from './presenterKeys';

const press = (key: string, extra: Partial<PresenterKey> = {}): PresenterKey => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  defaultPrevented: false,
  ...extra,
});

const on = (tagName: string, extra: Partial<KeyTarget> = {}): KeyTarget => ({ tagName, type: null, role: null, isContentEditable: false, inDialog: false, ...extra });

describe('presenter keys on the page itself', () => {
  it('→, Space and PageDown step on; ←, Shift+Space and PageUp step back; Esc leaves', () => {
    expect(['ArrowRight', ' ', 'PageDown'].map((k) => presenterKeyAction(press(k), null))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => presenterKeyAction(press(k), null))).toEqual(['back', 'back']);
    expect(presenterKeyAction(press(' ', { shiftKey: true }), null)).toBe('back');
    expect(presenterKeyAction(press('Escape'), null)).toBe('leave');
  });

  it('ignores other keys, keys with Alt, Ctrl or Meta (Alt+← is the browser\'s Back), and handled keys', () => {
    expect(presenterKeyAction(press('ArrowDown'), null)).toBeNull();
    expect(presenterKeyAction(press('Enter'), null)).toBeNull();
    expect(presenterKeyAction(press('ArrowLeft', { altKey: true }), null)).toBeNull();
    expect(presenterKeyAction(press('ArrowRight', { ctrlKey: true }), null)).toBeNull();
    expect(presenterKeyAction(press(' ', { metaKey: true }), null)).toBeNull();
    expect(presenterKeyAction(press('Escape', { defaultPrevented: true }), null)).toBeNull();
  });
});

describe('presenter keys with focus on a control', () => {
  it('leaves every key to a text field, a select, a textarea and editable text', () => {
    const fields = [on('INPUT', { type: 'text' }), on('INPUT', { type: 'number' }), on('INPUT', { type: 'radio' }), on('SELECT'), on('TEXTAREA'), on('DIV', { isContentEditable: true })];
    for (const field of fields) {
      expect(['ArrowRight', 'ArrowLeft', ' ', 'PageDown', 'Escape'].map((k) => presenterKeyAction(press(k), field))).toEqual([null, null, null, null, null]);
    }
  });

  it('leaves Space to a button or link (it presses it), but steps with the arrows there', () => {
    for (const pressable of [on('BUTTON'), on('A'), on('SUMMARY'), on('DIV', { role: 'button' }), on('INPUT', { type: 'checkbox' })]) {
      expect(presenterKeyAction(press(' '), pressable)).toBeNull();
      expect(presenterKeyAction(press('ArrowRight'), pressable)).toBe('next');
      expect(presenterKeyAction(press('Escape'), pressable)).toBe('leave');
    }
  });

  it('leaves the step keys to widgets that move with them (Esc still leaves), and every key to a dialog', () => {
    expect(presenterKeyAction(press('ArrowRight'), on('DIV', { role: 'slider' }))).toBeNull();
    expect(presenterKeyAction(press('PageDown'), on('DIV', { role: 'slider' }))).toBeNull();
    expect(presenterKeyAction(press('ArrowLeft'), on('BUTTON', { role: 'tab' }))).toBeNull();
    expect(presenterKeyAction(press('Escape'), on('DIV', { role: 'slider' }))).toBe('leave');
    expect(presenterKeyAction(press('Escape'), on('BUTTON', { inDialog: true }))).toBeNull();
    expect(presenterKeyAction(press('ArrowRight'), on('BUTTON', { inDialog: true }))).toBeNull();
  });

  it('steps from a plain element that holds focus (the presenter root, a list)', () => {
    expect(presenterKeyAction(press(' '), on('MAIN'))).toBe('next');
    expect(presenterKeyAction(press('ArrowLeft'), on('OL'))).toBe('back');
  });
});
