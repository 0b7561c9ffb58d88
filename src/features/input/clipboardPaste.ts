/**
 * Reading a 30 MB clipboard with the paste event's getData blocks the page for 150–350 ms inside Chromium.
 * navigator.clipboard.readText() reads it without blocking (delivering the text costs one task of about 60 ms),
 * but it needs the clipboard-read permission, and asking for it would prompt on a paste. So it is used only
 * where the browser says the permission is already granted; everywhere else the paste reads getData.
 */
let granted = false;
let watching = false;

/** Starts following the clipboard-read permission (once). Browsers that do not know the name leave it off. */
export function watchClipboardPermission(): void {
  if (watching || typeof navigator === 'undefined' || !navigator.permissions) return;
  watching = true;
  navigator.permissions.query({ name: 'clipboard-read' as PermissionName }).then(
    (status) => {
      granted = status.state === 'granted';
      status.addEventListener('change', () => (granted = status.state === 'granted'));
    },
    () => undefined,
  );
}

/** Whether this paste can be read with readText instead of getData. */
export function canReadPasteAsync(data: DataTransfer): boolean {
  return granted && typeof navigator.clipboard?.readText === 'function' && data.types.includes('text/plain');
}

/** After a refusal (the permission was withdrawn), later pastes go back to getData. */
export function readPasteAsync(): Promise<string> {
  return navigator.clipboard.readText().catch((error: unknown) => {
    granted = false;
    throw error;
  });
}

/**
 * Puts `text` where the paste would have gone: at the selection, as typing would (undo keeps working, and the
 * field's input event fires) while the field still has the focus; otherwise at the selection it had. Returns
 * whether it was typed; if not, the caller must take the field's new value itself.
 */
export function insertPasted(field: HTMLTextAreaElement, text: string): boolean {
  // execCommand is deprecated but still the only way to insert text the way typing does, with undo.
  const typed = document.activeElement === field && document.execCommand('insertText', false, text);
  if (!typed) field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
  return typed;
}
