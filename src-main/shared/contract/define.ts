// Builders for contract entries. A request schema (zod) is the runtime truth that main validates against;
// response, event and stream-data types are phantom types that exist only for the compiler.
import { z } from 'zod';

export interface InvokeSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  readonly response?: Res; // phantom: never set at run time
}

export interface EventSpec<Payload> {
  readonly payload?: Payload; // phantom
}

export interface StreamSpec<Open extends z.ZodType, Data> {
  readonly open: Open;
  readonly data?: Data; // phantom: the type of one chunk a producer pushes
}

/** `invoke<ResponseType>()(requestSchema)` — curried so the response type can be named and the schema inferred. */
export const invoke =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): InvokeSpec<Req, Res> => ({ request });

export const event = <Payload>(): EventSpec<Payload> => ({});

export const stream =
  <Data>() =>
  <Open extends z.ZodType>(open: Open): StreamSpec<Open, Data> => ({ open });

// Shared request fragments.
export const engineIdSchema = z.string().min(1, 'an engine id is required').max(64);

/** A container id (full or short) or name, as the engine accepts it in a URL path. */
export const containerRefSchema = z
  .string()
  .min(1, 'a container id or name is required')
  .max(256)
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'not a container id or name');

export const engineScoped = z.object({ engineId: engineIdSchema });
export const containerScoped = z.object({ engineId: engineIdSchema, id: containerRefSchema });
