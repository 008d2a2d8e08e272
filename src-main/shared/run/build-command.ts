// RunSpec → the equivalent `docker run` command: argv (for tests and copy) and one shell-quoted line.
// Flags come in a fixed order so the line is stable while the user types, and every field the form
// holds appears, so parsing the line gives the same RunSpec back.
import { joinShellWords } from './shell-words';
import type { RunSpec } from './spec';

export function runSpecToArgs(spec: RunSpec): string[] {
  const args = ['docker', 'run'];
  const letters = `${spec.detach ? 'd' : ''}${spec.interactive ? 'i' : ''}${spec.tty ? 't' : ''}`;
  if (letters) args.push(`-${letters}`);
  if (spec.autoRemove) args.push('--rm');
  const pair = (flag: string, value: string) => {
    if (value) args.push(flag, value);
  };
  const each = (flag: string, values: readonly string[]) => {
    for (const value of values) args.push(flag, value);
  };
  pair('--name', spec.name);
  pair('--hostname', spec.hostname);
  pair('--user', spec.user);
  pair('--workdir', spec.workdir);
  pair('--entrypoint', spec.entrypoint);
  each('-e', spec.env);
  each('--label', spec.labels);
  each('-p', spec.ports);
  if (spec.publishAll) args.push('-P');
  each('-v', spec.volumes);
  each('--mount', spec.mounts);
  each('--volumes-from', spec.volumesFrom);
  pair('--network', spec.network);
  each('--network-alias', spec.networkAliases);
  each('--link', spec.links);
  each('--add-host', spec.addHosts);
  if (spec.restart !== 'no') args.push('--restart', spec.restart === 'on-failure' && spec.restartRetries ? `on-failure:${spec.restartRetries}` : spec.restart);
  pair('--cpus', spec.cpus);
  pair('--memory', spec.memory);
  each('--cap-add', spec.capAdd);
  each('--cap-drop', spec.capDrop);
  if (spec.init) args.push('--init');
  if (spec.privileged) args.push('--privileged');
  if (spec.image) args.push(spec.image);
  args.push(...spec.command);
  return args;
}

/** One line a person can paste into a shell. */
export function formatRunCommand(spec: RunSpec): string {
  return joinShellWords(runSpecToArgs(spec));
}

/** The same command over several lines (a flag and its value per line, joined by backslash-newline), for notes. */
export function formatRunCommandMultiline(spec: RunSpec): string {
  const args = runSpecToArgs(spec);
  const lines: string[] = [joinShellWords(args.slice(0, 2))];
  let i = 2;
  const imageAt = spec.image ? args.length - spec.command.length - 1 : args.length - spec.command.length;
  while (i < imageAt) {
    const flag = args[i];
    const takesValue = flag.startsWith('-') && !/^-[dit]+$/.test(flag) && !['--rm', '-P', '--init', '--privileged'].includes(flag);
    lines.push(joinShellWords(takesValue ? [flag, args[i + 1]] : [flag]));
    i += takesValue ? 2 : 1;
  }
  const tail = args.slice(imageAt);
  if (tail.length) lines.push(joinShellWords(tail));
  return lines.join(' \\\n  ');
}
