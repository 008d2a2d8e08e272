// Every domain's handlers and stream producers, merged. The Router's types make a missing one a compile error.
import type { Services } from '../../services';
import type { InvokeHandlers, StreamProducers } from '../router';
import { containerHandlers } from './containers';
import { engineHandlers } from './engines';
import { execHandlers, execProducers } from './exec';
import { imageHandlers, imageProducers } from './images';
import { logsHandlers, logsProducers } from './logs';
import { runHandlers, runProducers } from './run';

export function allHandlers(services: Services): InvokeHandlers {
  return {
    ...engineHandlers(services),
    ...containerHandlers(services),
    ...logsHandlers(services),
    ...execHandlers(services),
    ...runHandlers(services),
    ...imageHandlers(services),
  };
}

export function allProducers(services: Services): StreamProducers {
  return {
    ...logsProducers(services),
    ...execProducers(services),
    ...imageProducers(services),
    ...runProducers(services),
  };
}
