// Imported first by each page: zod compiles fast parsers with `new Function` unless told not to, which the strict
// Content-Security-Policy (no 'unsafe-eval') blocks and reports as a violation. Parsing without it is fast enough here.
import { z } from 'zod';

z.config({ jitless: true });
