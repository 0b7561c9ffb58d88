import type { LongDocumentsSetting, WindowAggregate } from '../../core/windows';
import type { DocumentDetails } from './protocol';

export const aggregateNames: Record<WindowAggregate, string> = { max: 'MaxP (best window)', first: 'FirstP (first window)', mean: 'mean of windows' };

/** What a run did to long documents, in words for the column's notes. */
export function longDocumentNotes(
  settings: { maxLength: number; longDocuments?: LongDocumentsSetting },
  truncated: readonly boolean[],
  details: readonly (DocumentDetails | undefined)[],
): string[] {
  const cut = truncated.filter(Boolean).length;
  const setting = settings.longDocuments;
  if (!setting || setting.mode === 'truncate') return cut > 0 ? [`${cut} of ${truncated.length} documents were cut to ${settings.maxLength} tokens.`] : [];
  const split = details.filter((d) => (d?.windows?.length ?? 0) > 1);
  const windows = split.reduce((sum, d) => sum + (d?.windows?.length ?? 0), 0);
  const notes: string[] = [];
  if (split.length > 0) {
    notes.push(`${split.length} of ${details.length} documents were split into ${windows} windows of up to ${settings.maxLength} tokens (overlap ${setting.stride}), scored by ${aggregateNames[setting.aggregate]}.`);
  }
  if (cut > 0) notes.push(`The query was cut to half of max tokens for ${cut} documents: raise max tokens to keep all of it.`);
  return notes;
}
