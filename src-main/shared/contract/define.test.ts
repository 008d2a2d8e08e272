// berth.test=foundation — shared request fragments: what a container reference may be before it goes into
// an engine URL path.
import { describe, expect, it } from 'vitest';
import { containerRefSchema, engineIdSchema } from './define';

describe('containerRefSchema', () => {
  it.each(['web', '/web', 'a'.repeat(64), 'my_app.web-1', '3f4e'])('accepts %j', (value) => {
    expect(containerRefSchema.safeParse(value).success).toBe(true);
  });

  it.each(['', '../etc', 'a/b', 'web?x=1', '-rf', 'a b', 'x'.repeat(257), 'web%2f..'])('refuses %j', (value) => {
    expect(containerRefSchema.safeParse(value).success).toBe(false);
  });
});

describe('engineIdSchema', () => {
  it('requires a non-empty id of at most 64 characters', () => {
    expect(engineIdSchema.safeParse('local').success).toBe(true);
    expect(engineIdSchema.safeParse('').error?.issues[0].message).toBe('an engine id is required');
    expect(engineIdSchema.safeParse('x'.repeat(65)).success).toBe(false);
  });
});
