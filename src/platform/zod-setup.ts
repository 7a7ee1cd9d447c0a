import { z } from 'zod';

// zod 4 probes `new Function('')` to decide whether it may compile parsers; the extension CSP
// forbids eval, so the probe logs a CSP violation. jitless skips the probe (and the eval).
z.config({ jitless: true });
