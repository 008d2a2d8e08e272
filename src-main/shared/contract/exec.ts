// Contract entries for exec: interactive terminals into containers (a shell, the main process, or a debug
// sidecar for images with no shell) and one-off commands.
import { z } from 'zod';
import { containerRefSchema, engineIdSchema, invoke, stream } from './define';

/** "KEY=value" — the engine's own env format; a key alone would unset nothing and confuses people. */
const envEntrySchema = z
  .string()
  .max(8192)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*=/, 'environment entries look like NAME=value');

const userSchema = z
  .string()
  .trim()
  .max(256)
  .regex(/^[^\s:]*(:[^\s:]+)?$/, 'a user looks like name, uid, name:group or uid:gid')
  .optional()
  .transform((v) => v || undefined);

const workdirSchema = z
  .string()
  .trim()
  .max(4096)
  .refine((v) => v === '' || v.startsWith('/'), 'the working directory must be an absolute path')
  .optional()
  .transform((v) => v || undefined);

/** A shell command line such as "bash", "/bin/zsh -l"; empty means "detect". */
const shellSchema = z
  .string()
  .trim()
  .max(512)
  .optional()
  .transform((v) => v || undefined);

const terminalSize = {
  /** The view's size when it opens, so the first prompt is drawn at the right width. */
  cols: z.number().int().min(1).max(9999).optional(),
  rows: z.number().int().min(1).max(9999).optional(),
};

/** An image reference as the engine names local images ("fixture/busybox", "repo/x:tag", "sha256:…"). */
const imageRefSchema = z
  .string()
  .trim()
  .min(1, 'an image is required')
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'not an image reference');

export const DEFAULT_DEBUG_IMAGE = 'fixture/busybox';

const shellSession = z.object({
  mode: z.literal('shell'),
  engineId: engineIdSchema,
  id: containerRefSchema,
  shell: shellSchema,
  user: userSchema,
  workdir: workdirSchema,
  env: z.array(envEntrySchema).max(200).default([]),
  ...terminalSize,
});

const attachSession = z.object({
  mode: z.literal('attach'),
  engineId: engineIdSchema,
  id: containerRefSchema,
  ...terminalSize,
});

const debugSession = z.object({
  mode: z.literal('debug'),
  engineId: engineIdSchema,
  id: containerRefSchema,
  /** A local image with a shell; it is never pulled. */
  image: imageRefSchema.default(DEFAULT_DEBUG_IMAGE),
  shell: shellSchema,
  env: z.array(envEntrySchema).max(200).default([]),
  ...terminalSize,
});

export const execSessionSchema = z.discriminatedUnion('mode', [shellSession, attachSession, debugSession]);
export type ExecSessionRequest = z.input<typeof execSessionSchema>;
export type ExecSessionMode = ExecSessionRequest['mode'];

/** What the terminal learns about its session besides the bytes: shown above or inside the terminal. */
export type ExecNotice =
  | {
      kind: 'started';
      mode: ExecSessionMode;
      /** The command that runs, e.g. "/bin/bash"; for attach, the container's own command. */
      command: string;
      user?: string;
      /** Human note shown once, e.g. how to detach, or where the target's files are in a debug shell. */
      note?: string;
    }
  /**
   * Ctrl+C (or Ctrl+\) while output floods: main stops forwarding the stale backlog; the terminal drops
   * what it holds but has not written yet. Followed by `skipped` once the flood is over.
   */
  | { kind: 'skipping' }
  /** The backlog skipped since `skipping` (main's share; the page adds its own); the output's last lines follow. */
  | { kind: 'skipped'; bytes: number }
  | {
      kind: 'exited';
      /** The process's exit code; null when it is unknown (the engine went away, the container was removed). */
      exitCode: number | null;
      /** Why the session ended when it was not the process exiting by itself. */
      reason?: string;
    };

/**
 * One chunk of a terminal stream: output bytes as the program wrote them (UTF-8, possibly cut inside a
 * character: xterm decodes across chunks) or a notice. Bytes cross the WebSocket as binary frames.
 */
export type ExecChunk = Uint8Array | ExecNotice;

export interface ExecProbe {
  running: boolean;
  paused: boolean;
  /** The container's state in the engine's word, for messages ("exited", "created"). */
  state: string;
  /** Shells found in the container, best first (absolute paths). Empty: the image has no shell. */
  shells: string[];
  /** The one a shell session picks when the user leaves the choice empty. */
  detected?: string;
  /** Whether attaching to the main process makes sense: it reads stdin (docker run -i) and/or has a TTY. */
  attachable: boolean;
  tty: boolean;
}

export interface ExecRunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Output beyond the cap was dropped (the process still ran to its end). */
  truncated: boolean;
}

export const execInvokes = {
  /** What a terminal into this container can do: running? which shells? attachable? */
  'exec.probe': invoke<ExecProbe>()(
    z.object({ engineId: engineIdSchema, id: containerRefSchema, user: userSchema }),
  ),
  /** A one-off, non-interactive command: its output and exit code (docker exec without -it). */
  'exec.run': invoke<ExecRunResult>()(
    z.object({
      engineId: engineIdSchema,
      id: containerRefSchema,
      /** A command line run by the container's sh; containers without sh get it split on spaces. */
      command: z.string().trim().min(1, 'a command is required').max(64 * 1024),
      user: userSchema,
      workdir: workdirSchema,
      env: z.array(envEntrySchema).max(200).default([]),
      /** Stop waiting after this long and end the command (ms). */
      timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
    }),
  ),
};

export const execEvents = {};

export const execStreams = {
  /** An interactive terminal: write keystrokes, resize, and read output; the last chunk says how it ended. */
  'exec.session': stream<ExecChunk>()(execSessionSchema),
};
