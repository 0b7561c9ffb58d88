import type { AppState } from '../../store';
import { runFor } from '../../store/columns';
import { selectActiveQuery } from '../../store/selectors';

/**
 * Whether a column is loading or scoring the query on screen. While one is, the model's WASM threads need
 * every core: the comparison skips row slides and redraws its lines once per update, not every frame.
 */
export function selectRunInFlight(state: AppState): boolean {
  const { key } = selectActiveQuery(state);
  return state.columns.some((column) => {
    const { status } = runFor(column, key);
    return status === 'loading' || status === 'running';
  });
}
