export type PresenterKeyAction = 'next' | 'back' | 'leave';

/** The key press, as much of a KeyboardEvent as the decision needs. */
export interface PresenterKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Something on the page already handled it (a menu, a dialog). */
  defaultPrevented: boolean;
}

/** Where focus is when the key is pressed. */
export interface KeyTarget {
  tagName: string;
  /** The `type` of an <input>. */
  type: string | null;
  role: string | null;
  isContentEditable: boolean;
  /** Inside a dialog: its own Esc (and keys) are for it. */
  inDialog: boolean;
}

// Controls that use these keys themselves: typing, choosing, and moving within a widget.
const FIELD_TAGS: ReadonlySet<string> = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
// Inputs that are pressed like buttons: arrows mean nothing to them (a radio group does use them: it is a field).
const BUTTON_INPUTS: ReadonlySet<string> = new Set(['button', 'submit', 'reset', 'checkbox', 'image']);
const PRESSABLE_TAGS: ReadonlySet<string> = new Set(['BUTTON', 'A', 'SUMMARY']);
const PRESSABLE_ROLES: ReadonlySet<string> = new Set(['button', 'link', 'checkbox', 'switch', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'tab', 'treeitem']);
// Widgets that move with the arrows (and Space, PageUp, PageDown): only Esc is taken from them.
const ARROW_ROLES: ReadonlySet<string> = new Set(['slider', 'spinbutton', 'radio', 'radiogroup', 'tab', 'tablist', 'menu', 'menubar', 'menuitem', 'listbox', 'option', 'grid', 'tree', 'treeitem', 'combobox', 'textbox', 'scrollbar']);

const NEXT_KEYS: ReadonlySet<string> = new Set(['ArrowRight', 'PageDown', ' ']);
const BACK_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'PageUp']);

function isField(t: KeyTarget): boolean {
  if (t.isContentEditable) return true;
  if (t.tagName === 'INPUT') return !BUTTON_INPUTS.has((t.type ?? 'text').toLowerCase());
  return FIELD_TAGS.has(t.tagName);
}

function isPressable(t: KeyTarget): boolean {
  if (PRESSABLE_TAGS.has(t.tagName)) return true;
  if (t.tagName === 'INPUT') return true; // a button-like input: fields were ruled out before
  return t.role !== null && PRESSABLE_ROLES.has(t.role);
}

/**
 * What a key does in presenter mode: → Space PageDown step on, ← Shift+Space PageUp step back, Esc leaves
 * (clickers send PageDown/PageUp). Keys that belong to what has focus are left alone: any key in a field,
 * Space on a button (it presses it), the step keys in a widget that moves with them, anything inside a dialog.
 * A key with Alt, Ctrl or Meta is the browser's (Alt+← is Back).
 */
export function presenterKeyAction(e: PresenterKey, target: KeyTarget | null): PresenterKeyAction | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return null;
  if (target && (target.inDialog || isField(target))) return null;
  const space = e.key === ' ';
  if (space && target && isPressable(target)) return null;
  if (e.key === 'Escape') return 'leave';
  if (target?.role && ARROW_ROLES.has(target.role)) return null;
  if (space) return e.shiftKey ? 'back' : 'next';
  if (NEXT_KEYS.has(e.key)) return 'next';
  if (BACK_KEYS.has(e.key)) return 'back';
  return null;
}

/** The facts about a focused element that presenterKeyAction needs (null for the page itself). */
export function keyTargetOf(element: Element | null): KeyTarget | null {
  if (!element || element === document.body || element === document.documentElement) return null;
  const html = element instanceof HTMLElement ? element : null;
  return {
    tagName: element.tagName,
    type: element instanceof HTMLInputElement ? element.type : null,
    role: element.getAttribute('role'),
    isContentEditable: html?.isContentEditable ?? false,
    inDialog: element.closest('dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]') !== null,
  };
}
