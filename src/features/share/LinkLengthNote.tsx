import { LONG_LINK_CHARS } from '../../core/share';

/** Facts about where long links break (checked: Microsoft's Teams docs, IE's URL limit, Outlook Q&A). */
export const LONG_LINK_WARNING =
  'Links over about 2,000 characters break in some places: Internet Explorer stops at 2,083, Teams on Windows cannot open links over 2,048, ' +
  'and classic Outlook does not make links of 11,000+ characters clickable. A session file has no such limit.';

/** Chrome, the most lenient browser, refuses addresses past 2 MB; such a link cannot be opened anywhere. */
export const MAX_OPENABLE_LINK_CHARS = 2_000_000;
export const TOO_LONG_WARNING = 'This link is longer than browsers accept (Chrome stops at 2 MB), so it cannot be opened. Save a session file instead.';

/** The link's length, and past the length that apps cut, the warning with the way out. */
export function LinkLengthNote({ length }: { length: number }) {
  const long = length > LONG_LINK_CHARS;
  const tooLong = length > MAX_OPENABLE_LINK_CHARS;
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600" data-testid="share-link-length" data-length={length}>
        The link is {length.toLocaleString('en-US')} characters long.
      </p>
      {long && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
          {tooLong ? TOO_LONG_WARNING : LONG_LINK_WARNING}
        </p>
      )}
    </div>
  );
}
