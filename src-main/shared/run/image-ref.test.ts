import { describe, expect, it } from 'vitest';
import { parseImageRef, repositoryOf, withDefaultTag } from './image-ref';

describe('parseImageRef', () => {
  it.each([
    ['fixture/busybox', { path: 'fixture/busybox' }],
    ['redis:7.2', { path: 'redis', tag: '7.2' }],
    ['127.0.0.1:5001/busybox:latest', { domain: '127.0.0.1:5001', path: 'busybox', tag: 'latest' }],
    ['localhost/team/app', { domain: 'localhost', path: 'team/app' }],
    ['registry.example.com/a/b/c:v1@sha256:' + 'a'.repeat(64), { domain: 'registry.example.com', path: 'a/b/c', tag: 'v1', digest: 'sha256:' + 'a'.repeat(64) }],
    ['[::1]:5000/x', { domain: '[::1]:5000', path: 'x' }],
    ['my_app__x-y.z', { path: 'my_app__x-y.z' }],
  ])('accepts %s', (input, ref) => {
    expect(parseImageRef(input)).toEqual({ ok: true, ref });
  });

  it.each([
    ['', /Choose an image/],
    ['My/App', /lowercase/],
    ['bad-.host:x/app', /not a registry host/],
    ['team/MyApp', /lowercase/],
    ['redis:', /not a valid tag/],
    ['redis:-x', /not a valid tag/],
    ['redis@sha256:xyz', /not a digest/],
    ['a//b', /empty part/],
    ['redis latest', /spaces/],
    ['-d', /not a valid repository name part/],
    ['bad_.name', /not a valid repository name part/],
  ])('rejects %j', (input, message) => {
    const result = parseImageRef(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('adds the default tag and finds the repository', () => {
    expect(withDefaultTag('redis')).toBe('redis:latest');
    expect(withDefaultTag('127.0.0.1:5001/busybox')).toBe('127.0.0.1:5001/busybox:latest');
    expect(withDefaultTag('redis:7')).toBe('redis:7');
    expect(repositoryOf('127.0.0.1:5001/busybox:1')).toBe('127.0.0.1:5001/busybox');
  });
});
