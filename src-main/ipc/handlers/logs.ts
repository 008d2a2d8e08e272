// Handlers and stream producers for logs: a log view's line stream (one container or a compose
// project's several) and the export of a whole log to a file.
import type { logsInvokes, logsStreams } from '../../shared/contract/logs';
import { openLogs } from '../../engine/logs';
import { exportLogs, suggestExportPathFor } from '../../engine/logs-export';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';

export function logsHandlers(services: Services): Pick<InvokeHandlers, keyof typeof logsInvokes> {
  return {
    'logs.exportSuggestion': ({ engineId, id }) =>
      suggestExportPathFor(services.engines.get(engineId).requireConnected(), id),
  };
}

export function logsProducers(services: Services): Pick<StreamProducers, keyof typeof logsStreams> {
  return {
    'logs.open': async (request, sink) => {
      const engine = services.engines.get(request.engineId);
      return openLogs(engine, request, sink);
    },
    'logs.export': async (request, sink) => {
      const docker = services.engines.get(request.engineId).requireConnected();
      const handle = await exportLogs(docker, request, {
        progress: (bytes) => sink.push({ t: 'progress', bytes }, 32),
      });
      handle.done.then(
        (result) => {
          sink.push({ t: 'done', path: result.path, bytes: result.bytes }, 64);
          sink.end();
        },
        (error) => sink.end(error),
      );
      return { close: () => handle.cancel() };
    },
  };
}
