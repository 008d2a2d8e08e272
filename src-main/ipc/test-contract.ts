// A few contract entries that exist only in tests (mocked into ../shared/contract by router and session
// tests), so the router's validation and the session's stream handling can be exercised with test
// handlers and producers, independent of which feature streams the real contract has today.
import { z } from 'zod';

export const testInvokes = {
  'test.echo': { request: z.object({ text: z.string().min(1, 'text is required'), times: z.number().int().default(1) }) },
};

export const testStreams = {
  'test.counter': { open: z.object({ label: z.string().min(1, 'a label is required') }) },
};
