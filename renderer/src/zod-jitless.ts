// zod 4 compiles object parsers with new Function() unless told not to, and merely probing whether it
// may do so is an 'unsafe-eval' CSP violation here (script-src 'self'). This module must be imported
// before anything that builds a schema, so it is main.tsx's first import.
import { z } from 'zod';

z.config({ jitless: true });
