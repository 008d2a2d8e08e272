import { describe, expect, it } from 'vitest';
import { parseTagTarget } from './tag-target';

describe('parseTagTarget', () => {
  it('splits repository and tag, defaulting to latest', () => {
    expect(parseTagTarget('myapp')).toEqual({ ok: true, repo: 'myapp', tag: 'latest', reference: 'myapp:latest' });
    expect(parseTagTarget(' team/app:1.0 ')).toMatchObject({ ok: true, repo: 'team/app', tag: '1.0' });
    expect(parseTagTarget('127.0.0.1:5001/app:v2')).toMatchObject({ ok: true, repo: '127.0.0.1:5001/app', tag: 'v2' });
  });

  it('refuses what docker tag would refuse, in words', () => {
    expect(parseTagTarget('')).toMatchObject({ ok: false, error: expect.stringMatching(/Type the new name/) });
    expect(parseTagTarget('My/App')).toMatchObject({ ok: false, error: expect.stringMatching(/lowercase/) });
    expect(parseTagTarget('app:-bad')).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid tag/) });
    expect(parseTagTarget(`app@sha256:${'a'.repeat(64)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/digest/) });
    expect(parseTagTarget(`sha256:${'b'.repeat(64)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/image id/) });
    expect(parseTagTarget('a b')).toMatchObject({ ok: false });
  });
});
