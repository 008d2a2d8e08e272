// berth.test=foundation — how the local engine is found (as the docker CLI finds it) and how an endpoint
// becomes dockerode options. Pure: a fake environment stands in for process.env and ~/.docker.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIX_SOCKET, dockerodeOptions, resolveLocalEndpoint, type EndpointEnvironment } from './endpoint';

const home = '/home/ada';
const dockerDir = join(home, '.docker');

function fakeEnvironment(
  env: Record<string, string | undefined> = {},
  files: Record<string, string> = {},
  platform: NodeJS.Platform = 'linux',
): EndpointEnvironment {
  return { env, home, platform, readFile: (path) => files[path] };
}

const digest = (name: string) => createHash('sha256').update(name).digest('hex');
const metaPath = (name: string, dir = dockerDir) => join(dir, 'contexts', 'meta', digest(name), 'meta.json');
const meta = (name: string, host: string, skipTlsVerify = false) =>
  JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: skipTlsVerify } } });

describe('resolveLocalEndpoint', () => {
  it('uses DOCKER_HOST first, even when a context is set', () => {
    const endpoint = resolveLocalEndpoint(
      fakeEnvironment({ DOCKER_HOST: 'tcp://10.0.0.2:2375', DOCKER_CONTEXT: 'remote' }, { [metaPath('remote')]: meta('remote', 'ssh://x') }),
    );
    expect(endpoint).toEqual({ host: 'tcp://10.0.0.2:2375', source: 'DOCKER_HOST' });
  });

  it('reads TLS material from DOCKER_CERT_PATH and honours DOCKER_TLS_VERIFY', () => {
    const files = { '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' };
    const verified = resolveLocalEndpoint(
      fakeEnvironment({ DOCKER_HOST: 'tcp://h:2376', DOCKER_CERT_PATH: '/certs', DOCKER_TLS_VERIFY: '1' }, files),
    );
    expect(verified.tls).toEqual({ ca: 'CA', cert: 'CERT', key: 'KEY', verify: true });
    const unverified = resolveLocalEndpoint(
      fakeEnvironment({ DOCKER_HOST: 'tcp://h:2376', DOCKER_CERT_PATH: '/certs', DOCKER_TLS_VERIFY: '0' }, files),
    );
    expect(unverified.tls?.verify).toBe(false);
  });

  it('looks for TLS files in ~/.docker when DOCKER_TLS_VERIFY is set without DOCKER_CERT_PATH', () => {
    const endpoint = resolveLocalEndpoint(
      fakeEnvironment({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' }, { [join(dockerDir, 'ca.pem')]: 'CA' }),
    );
    expect(endpoint.tls).toEqual({ ca: 'CA', cert: undefined, key: undefined, verify: true });
  });

  it('follows DOCKER_CONTEXT to the context metadata under contexts/meta/<sha256>', () => {
    const endpoint = resolveLocalEndpoint(
      fakeEnvironment({ DOCKER_CONTEXT: 'colima' }, { [metaPath('colima')]: meta('colima', 'unix:///home/ada/.colima/docker.sock') }),
    );
    expect(endpoint).toEqual({ host: 'unix:///home/ada/.colima/docker.sock', source: 'context colima' });
  });

  it("follows config.json's currentContext when DOCKER_CONTEXT is not set", () => {
    const files = {
      [join(dockerDir, 'config.json')]: JSON.stringify({ currentContext: 'desktop-linux' }),
      [metaPath('desktop-linux')]: meta('desktop-linux', 'unix:///home/ada/.docker/desktop/docker.sock'),
    };
    const endpoint = resolveLocalEndpoint(fakeEnvironment({}, files));
    expect(endpoint).toEqual({ host: 'unix:///home/ada/.docker/desktop/docker.sock', source: 'context desktop-linux' });
  });

  it('reads config.json and contexts from DOCKER_CONFIG when it is set', () => {
    const dir = '/etc/ada-docker';
    const files = {
      [join(dir, 'config.json')]: JSON.stringify({ currentContext: 'lab' }),
      [metaPath('lab', dir)]: meta('lab', 'tcp://lab:2376'),
      [join(dir, 'contexts', 'tls', digest('lab'), 'docker', 'ca.pem')]: 'LABCA',
    };
    const endpoint = resolveLocalEndpoint(fakeEnvironment({ DOCKER_CONFIG: dir }, files));
    expect(endpoint).toEqual({
      host: 'tcp://lab:2376',
      source: 'context lab',
      tls: { ca: 'LABCA', cert: undefined, key: undefined, verify: true },
    });
  });

  it('treats the context named "default" as the default socket', () => {
    const files = { [join(dockerDir, 'config.json')]: JSON.stringify({ currentContext: 'default' }) };
    expect(resolveLocalEndpoint(fakeEnvironment({}, files))).toEqual({ host: DEFAULT_UNIX_SOCKET, source: 'default socket' });
  });

  it('falls back to the default socket when config.json is broken JSON', () => {
    const files = { [join(dockerDir, 'config.json')]: '{"currentContext": ' };
    expect(resolveLocalEndpoint(fakeEnvironment({}, files))).toEqual({ host: DEFAULT_UNIX_SOCKET, source: 'default socket' });
  });

  it('falls back to the default socket when the context metadata is missing or broken', () => {
    expect(resolveLocalEndpoint(fakeEnvironment({ DOCKER_CONTEXT: 'gone' })).source).toBe('default socket');
    const broken = { [metaPath('broken')]: 'not json' };
    expect(resolveLocalEndpoint(fakeEnvironment({ DOCKER_CONTEXT: 'broken' }, broken)).source).toBe('default socket');
  });

  it('uses the named pipe on Windows', () => {
    expect(resolveLocalEndpoint(fakeEnvironment({}, {}, 'win32')).host).toBe('npipe:////./pipe/docker_engine');
  });
});

describe('dockerodeOptions', () => {
  it('turns unix:// into a socket path', () => {
    expect(dockerodeOptions({ host: 'unix:///var/run/docker.sock', source: 'x' })).toEqual({ socketPath: '/var/run/docker.sock' });
  });

  it('turns tcp:// without TLS into plain http on 2375 unless a port is given', () => {
    expect(dockerodeOptions({ host: 'tcp://127.0.0.1:23750', source: 'x' })).toEqual({
      protocol: 'http',
      host: '127.0.0.1',
      port: 23750,
    });
    expect(dockerodeOptions({ host: 'tcp://engine.lan', source: 'x' })).toMatchObject({ protocol: 'http', port: 2375 });
  });

  it('turns tcp:// with TLS material into https with the certificates (2376 by default)', () => {
    const options = dockerodeOptions({
      host: 'tcp://engine.lan',
      source: 'x',
      tls: { ca: 'CA', cert: 'CERT', key: 'KEY', verify: true },
    });
    expect(options).toEqual({ protocol: 'https', host: 'engine.lan', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY' });
  });

  it('turns ssh:// into an ssh connection with user and port', () => {
    expect(dockerodeOptions({ host: 'ssh://ada@build-box:2222', source: 'x' })).toEqual({
      protocol: 'ssh',
      host: 'build-box',
      port: 2222,
      username: 'ada',
    });
    expect(dockerodeOptions({ host: 'ssh://build-box', source: 'x' })).toMatchObject({ port: 22, username: undefined });
  });

  it('turns npipe:// into a Windows pipe path', () => {
    expect(dockerodeOptions({ host: 'npipe:////./pipe/docker_engine', source: 'x' })).toEqual({
      socketPath: '\\\\.\\pipe\\docker_engine',
    });
  });

  it('refuses a scheme Docker does not know, naming the address', () => {
    expect(() => dockerodeOptions({ host: 'ftp://engine', source: 'x' })).toThrow(/Unsupported engine address "ftp:\/\/engine"/);
  });
});
