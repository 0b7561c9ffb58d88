import { PRESENTER_STEPS, type PresenterStepName } from '../../store/presenterSlice';

/** What each step adds, as the step announcement says it. */
export const presenterStepLabels: ReadonlyMap<PresenterStepName, string> = new Map([
  ['first-stage', 'the first stage'],
  ['reranked', 'the reranked order'],
  ['lines', 'the lines between the columns'],
  ['metrics', 'the metrics'],
]);

/** The steps as the presenter's bar names them. */
export const presenterStepShortLabels: ReadonlyMap<PresenterStepName, string> = new Map([
  ['first-stage', 'First stage'],
  ['reranked', 'Reranked'],
  ['lines', 'Lines'],
  ['metrics', 'Metrics'],
]);

export const presenterStepName = (step: number): PresenterStepName => PRESENTER_STEPS[step] ?? 'first-stage';

/** Where a set's query sits in the list, for the announcement. */
export interface QueryPosition {
  id: string;
  /** 0-based; -1 when the list (filtered) does not show it. */
  at: number;
  of: number;
}

/** "Step 2 of 4: the reranked order", with the query first on a set: "Query q7, 3 of 15. Step 1 of 4: the first stage". */
export function presenterAnnouncement(step: number, query: QueryPosition | null = null): string {
  const name = presenterStepName(step);
  const stepText = `Step ${PRESENTER_STEPS.indexOf(name) + 1} of ${PRESENTER_STEPS.length}: ${presenterStepLabels.get(name) ?? name}`;
  if (!query) return stepText;
  const where = query.at >= 0 ? `, ${query.at + 1} of ${query.of}` : '';
  return `Query ${query.id}${where}. ${stepText}`;
}
