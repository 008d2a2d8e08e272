// Exec: terminals (shell, attach, debug shell) as streams, and the one-off command mode and probe as invokes.
import type { execInvokes, execStreams } from '../../shared/contract/exec';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';
import { openDebugSession } from '../../engine/debug-shell';
import { sweepSidecarsOnConnect } from '../../engine/debug-shell-sweep';
import { openAttachSession } from '../../engine/exec-attach';
import { probeContainer, runCommand } from '../../engine/exec-command';
import { openShellSession } from '../../engine/exec-session';

const log = (message: string, err?: unknown) => console.warn(`[exec] ${message}`, err instanceof Error ? err.message : (err ?? ''));

export function execHandlers({ engines, bus }: Services): Pick<InvokeHandlers, keyof typeof execInvokes> {
  // Debug-shell sidecars left behind by a Berth that crashed are removed when their engine connects.
  sweepSidecarsOnConnect(bus, engines, { log });
  return {
    'exec.probe': ({ engineId, id, user }) => probeContainer(engines.get(engineId).requireConnected(), id, user),
    'exec.run': ({ engineId, id, ...options }) => runCommand(engines.get(engineId).requireConnected(), id, options),
  };
}

export function execProducers({ engines }: Services): Pick<StreamProducers, keyof typeof execStreams> {
  return {
    'exec.session': (request, sink) => {
      const engine = engines.get(request.engineId);
      const docker = engine.requireConnected();
      const size = { cols: request.cols, rows: request.rows };
      switch (request.mode) {
        case 'shell':
          return openShellSession(docker, request.id, sink, {
            shell: request.shell,
            user: request.user,
            workdir: request.workdir,
            env: request.env,
            ...size,
            log,
          });
        case 'attach':
          return openAttachSession(docker, request.id, sink, { ...size, log, events: (listener) => engine.onEvent(listener) });
        case 'debug':
          return openDebugSession(docker, request.id, sink, { image: request.image, shell: request.shell, env: request.env, ...size, log });
      }
    },
  };
}
