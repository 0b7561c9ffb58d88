import { mulberry32 } from '../../src/core/random';

/** mulberry32 (src/core/random.ts): every bench run uses the same inputs. */
export const seededRandom = mulberry32;
