// The ONE list of every invoke, event and stream between main and renderer. Each domain declares its
// entries in contract/<domain>.ts; this file only merges them. Main, preload and renderer derive their
// types (and the preload its method list) from here.
import type { z } from 'zod';
import { containerEvents, containerInvokes } from './contract/containers';
import { engineEvents, engineInvokes } from './contract/engines';
import { imageEvents, imageInvokes, imageStreams } from './contract/images';
import { execEvents, execInvokes, execStreams } from './contract/exec';
import { logsEvents, logsInvokes, logsStreams } from './contract/logs';
import { runEvents, runInvokes, runStreams } from './contract/run';

export const invokes = {
  ...engineInvokes,
  ...containerInvokes,
  ...logsInvokes,
  ...execInvokes,
  ...runInvokes,
  ...imageInvokes,
};

export const events = {
  ...engineEvents,
  ...containerEvents,
  ...logsEvents,
  ...execEvents,
  ...runEvents,
  ...imageEvents,
};

export const streams = {
  ...logsStreams,
  ...execStreams,
  ...imageStreams,
  ...runStreams,
};

export type Invokes = typeof invokes;
export type InvokeName = keyof Invokes;
/** What the caller passes (defaults may be omitted). */
export type InvokeRequest<N extends InvokeName> = z.input<Invokes[N]['request']>;
/** What the handler receives after validation (defaults applied). */
export type InvokeParsed<N extends InvokeName> = z.output<Invokes[N]['request']>;
export type InvokeResponse<N extends InvokeName> = NonNullable<Invokes[N]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = NonNullable<Events[N]['payload']>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamOpen<N extends StreamName> = z.input<Streams[N]['open']>;
export type StreamOpenParsed<N extends StreamName> = z.output<Streams[N]['open']>;
export type StreamData<N extends StreamName> = NonNullable<Streams[N]['data']>;

export const invokeNames = Object.keys(invokes) as InvokeName[];
export const eventNames = Object.keys(events) as EventName[];
export const streamNames = Object.keys(streams) as StreamName[];

export type { RemovalPreview } from './contract/containers';
