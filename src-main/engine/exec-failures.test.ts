import { describe, expect, it } from 'vitest';
import { classifyExecFailure } from './exec-failures';

// The engine's words, as Docker 20.10 writes them on the exec's output.
const outputs = {
  missingInPath:
    'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n',
  missingPath:
    'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/zsh": stat /bin/zsh: no such file or directory: unknown\r\n',
  user: 'unable to find user nobodyx: no matching entries in passwd file\r\n',
  group: 'unable to find group wheelx: no matching entries in group file\r\n',
  workdir:
    'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown\r\n',
};

describe('classifyExecFailure', () => {
  const ctx = { command: 'bash' };

  it('names a shell that is not in $PATH', () => {
    const failure = classifyExecFailure(outputs.missingInPath, 126, ctx);
    expect(failure?.kind).toBe('command');
    expect(failure?.message).toContain('"bash" does not exist');
  });

  it('names a shell path that does not exist', () => {
    expect(classifyExecFailure(outputs.missingPath, 126, ctx)?.message).toContain('"/bin/zsh" does not exist');
  });

  it('names an unknown user and group', () => {
    expect(classifyExecFailure(outputs.user, 126, ctx)).toMatchObject({ kind: 'user' });
    expect(classifyExecFailure(outputs.user, 126, ctx)?.message).toContain('no user "nobodyx"');
    expect(classifyExecFailure(outputs.group, 126, ctx)?.message).toContain('no group "wheelx"');
  });

  it('names a working directory that does not exist', () => {
    const failure = classifyExecFailure(outputs.workdir, 126, { ...ctx, workdir: '/nope' });
    expect(failure).toMatchObject({ kind: 'workdir' });
    expect(failure?.message).toContain('"/nope"');
  });

  it('keeps the engine sentence as the detail', () => {
    expect(classifyExecFailure(outputs.user, 126, ctx)?.detail).toBe(outputs.user.trim());
  });

  it('leaves a program that exited 126 or 127 by itself alone', () => {
    expect(classifyExecFailure('bash: foo: command not found\r\n', 127, ctx)).toBeUndefined();
    expect(classifyExecFailure(outputs.missingInPath, 0, ctx)).toBeUndefined();
    expect(classifyExecFailure(outputs.user, 1, ctx)).toBeUndefined();
  });
});
