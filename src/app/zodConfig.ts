// zod 4 probes for eval (`Function("")`) to compile fast object parsers; the CSP forbids eval, so the probe only
// logs a violation and zod falls back anyway. Saying so up front keeps the page free of CSP violations.
import { z } from 'zod';

z.config({ jitless: true });
