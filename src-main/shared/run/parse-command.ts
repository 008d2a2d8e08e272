// A pasted `docker run …` line → a RunSpec. Words are split like a POSIX shell would (shell-words.ts),
// then flags are read the way Docker's CLI (pflag) reads them: --flag value, --flag=value, -p8080:80,
// combined short booleans (-dit) ending in at most one value flag (-dp 80:80), and "--" to end flags.
// The first word that is not a flag is the image; everything after it is the command. Nothing is
// silently dropped: flags the form cannot express and flags docker does not have are both listed.
import { findLongFlag, findShortFlag, type FlagDefinition } from './run-flags';
import { splitShellWords } from './shell-words';
import { emptyRunSpec, type RunSpec } from './spec';

export interface ParsedRunCommand {
  spec: RunSpec;
  /** Real `docker run` flags the form does not model, as written with their values (e.g. "--log-driver json-file"). */
  unsupportedFlags: string[];
  /** Flags `docker run` does not have. */
  unknownFlags: string[];
  /** What kept the line from being read completely (a missing value, no image, an unclosed quote). */
  problems: string[];
  /** Things said for information: the part after && that was ignored, variables left unexpanded. */
  notes: string[];
}

const TRUE_WORDS = new Set(['true', '1', 't', 'T', 'TRUE', 'True']);
const FALSE_WORDS = new Set(['false', '0', 'f', 'F', 'FALSE', 'False']);

function readBoolean(value: string | undefined, flagText: string, problems: string[]): string | undefined {
  if (value === undefined || TRUE_WORDS.has(value)) return 'true';
  if (FALSE_WORDS.has(value)) return 'false';
  problems.push(`${flagText} takes true or false, not "${value}".`);
  return undefined;
}

/** Skips what comes before the run arguments: a prompt "$", sudo, "docker [global options] [container] run". */
function runArguments(words: string[], result: ParsedRunCommand): string[] | undefined {
  let i = 0;
  if (words[i] === '$' || words[i] === '#') i++;
  if (words[i] === 'sudo') i++;
  const program = words[i];
  if (program === undefined) return [];
  if (program !== 'docker' && !program.endsWith('/docker')) return words.slice(i); // just the arguments
  i++;
  const globals: string[] = [];
  while (i < words.length && words[i].startsWith('-')) {
    const word = words[i];
    globals.push(word);
    // Global options that take a value, when written without "=".
    if (/^(-H|--host|-c|--context|--config|-l|--log-level|--tls(cacert|cert|key))$/.test(word) && i + 1 < words.length) {
      globals.push(words[++i]);
    }
    i++;
  }
  if (globals.length) result.notes.push(`Docker's own options were ignored (Berth talks to the engine you selected): ${globals.join(' ')}`);
  if (words[i] === 'container') i++;
  const subcommand = words[i];
  if (subcommand !== 'run') {
    result.problems.push(subcommand ? `This is "docker ${subcommand}", not "docker run".` : 'The line ends after "docker": expected "docker run …".');
    return undefined;
  }
  return words.slice(i + 1);
}

function applyFlag(definition: FlagDefinition, flagText: string, value: string, result: ParsedRunCommand): void {
  if (!definition.apply) {
    result.unsupportedFlags.push(definition.takesValue ? `${flagText} ${value}` : value === 'true' ? flagText : `${flagText}=${value}`);
    return;
  }
  const problem = definition.apply(result.spec, value);
  if (problem) result.problems.push(problem);
}

export function parseDockerRunCommand(line: string): ParsedRunCommand {
  const result: ParsedRunCommand = {
    spec: emptyRunSpec({ detach: false }),
    unsupportedFlags: [],
    unknownFlags: [],
    problems: [],
    notes: [],
  };
  const split = splitShellWords(line);
  if (split.error) result.problems.push(split.error);
  if (split.stoppedAt) result.notes.push(`Only the first command was read; everything from "${split.stoppedAt}" on was ignored.`);
  if (split.unexpanded.length) {
    result.notes.push(`Not expanded (Berth has no shell environment): ${[...new Set(split.unexpanded)].join(', ')}`);
  }
  const args = runArguments(split.words, result);
  if (!args) return result;

  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i];
    if (word === '--') {
      i++;
      break;
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const inline = eq < 0 ? undefined : word.slice(eq + 1);
      const flagText = `--${name}`;
      const definition = findLongFlag(name);
      if (!definition) {
        result.unknownFlags.push(word);
        continue;
      }
      if (!definition.takesValue) {
        const value = readBoolean(inline, flagText, result.problems);
        if (value !== undefined) applyFlag(definition, flagText, value, result);
        continue;
      }
      const value = inline ?? args[++i];
      if (value === undefined) {
        result.problems.push(`${flagText} needs a value.`);
        continue;
      }
      applyFlag(definition, flagText, value, result);
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const letters = word.slice(1);
      for (let j = 0; j < letters.length; j++) {
        const letter = letters[j];
        const flagText = `-${letter}`;
        const definition = findShortFlag(letter);
        if (!definition) {
          result.unknownFlags.push(flagText);
          continue;
        }
        const rest = letters.slice(j + 1);
        if (!definition.takesValue) {
          if (rest.startsWith('=')) {
            const value = readBoolean(rest.slice(1), flagText, result.problems);
            if (value !== undefined) applyFlag(definition, flagText, value, result);
            break;
          }
          applyFlag(definition, flagText, 'true', result);
          continue;
        }
        // A value flag takes the rest of this word (-p8080:80, -e=A=1) or the next word.
        const value = rest ? (rest.startsWith('=') ? rest.slice(1) : rest) : args[++i];
        if (value === undefined) result.problems.push(`${flagText} needs a value.`);
        else applyFlag(definition, flagText, value, result);
        break;
      }
      continue;
    }
    break; // the image
  }
  const image = args[i];
  if (image === undefined) {
    result.problems.push('No image: a docker run line ends with the image and, optionally, a command.');
    return result;
  }
  result.spec.image = image;
  result.spec.command = args.slice(i + 1);
  return result;
}
