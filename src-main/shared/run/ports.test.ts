import { describe, expect, it } from 'vitest';
import { formatPortMapping, parsePortSpec } from './ports';

const ok = (spec: string) => {
  const result = parsePortSpec(spec);
  if (!result.ok) throw new Error(result.error);
  return result.mappings;
};

describe('parsePortSpec', () => {
  it('reads every form docker accepts', () => {
    expect(ok('80')).toEqual([{ hostIp: '', hostPort: '', containerPort: 80, protocol: 'tcp' }]);
    expect(ok('8080:80')).toEqual([{ hostIp: '', hostPort: '8080', containerPort: 80, protocol: 'tcp' }]);
    expect(ok('127.0.0.1:8080:80/udp')).toEqual([{ hostIp: '127.0.0.1', hostPort: '8080', containerPort: 80, protocol: 'udp' }]);
    expect(ok('127.0.0.1::80')).toEqual([{ hostIp: '127.0.0.1', hostPort: '', containerPort: 80, protocol: 'tcp' }]);
    expect(ok('[::1]:8080:80/sctp')).toEqual([{ hostIp: '::1', hostPort: '8080', containerPort: 80, protocol: 'sctp' }]);
  });

  it('expands equal ranges pairwise and treats a host range for one port as a pool', () => {
    expect(ok('8000-8002:80-82').map(formatPortMapping)).toEqual(['8000:80', '8001:81', '8002:82']);
    expect(ok('8000-8010:80')).toEqual([{ hostIp: '', hostPort: '8000-8010', containerPort: 80, protocol: 'tcp' }]);
  });

  it.each([
    ['0:80', /out of range/],
    ['8080:70000', /out of range/],
    ['80/icmp', /not tcp, udp or sctp/],
    ['8000-8001:80-82', /differ in size/],
    ['90-80', /ends before/],
    ['a:b', /not a number/],
    ['1.2.3.4.5:80:80', /not an IP/],
    ['8080:', /no container port/],
    ['1:2:3:4', /too many/],
  ])('rejects %s', (spec, message) => {
    const result = parsePortSpec(spec);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
