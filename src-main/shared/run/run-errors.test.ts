import { describe, expect, it } from 'vitest';
import { describeRunFailure, fieldDetail, fieldFromDetail } from './run-errors';

describe('describeRunFailure', () => {
  it.each([
    [
      'driver failed programming external connectivity on endpoint web (abc): Bind for 0.0.0.0:1234 failed: port is already allocated',
      'ports',
      'Host port 1234 is already published by another container. Choose another host port.',
    ],
    [
      'driver failed programming external connectivity on endpoint web (abc): Error starting userland proxy: listen tcp4 0.0.0.0:22: bind: address already in use',
      'ports',
      'Host port 22 is already in use by another program on this machine. Choose another host port.',
    ],
    [
      'Conflict. The container name "/web" is already in use by container "0123". You have to remove (or rename) that container to be able to reuse that name.',
      'name',
      'A container named "web" already exists. Choose another name, or remove that container first.',
    ],
    ['network nope not found', 'network', 'There is no network "nope" on this engine.'],
    [
      'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "nosuch": executable file not found in $PATH: unknown',
      'command',
      '"nosuch" was not found in the image. Check the command, or the image\'s PATH.',
    ],
  ])('%s', (engineMessage, field, message) => {
    expect(describeRunFailure(engineMessage)).toEqual({ field, message });
  });

  it('passes unknown messages through without a field', () => {
    expect(describeRunFailure('something odd')).toEqual({ message: 'something odd' });
  });

  it('carries the field through an error detail', () => {
    expect(fieldFromDetail(fieldDetail('ports'))).toBe('ports');
    expect(fieldFromDetail('HTTP 409')).toBeUndefined();
  });
});
