import { describe, expect, it } from 'vitest';
import { fuzzyMatch, groupRanked, matchCommand, rankByQuery } from './fuzzy';

const titles = (items: { item: { title: string } }[]) => items.map((entry) => entry.item.title);

describe('fuzzyMatch', () => {
  it('matches characters in order, case-insensitively, and says where', () => {
    expect(fuzzyMatch('opterm', 'Open terminal in web-1')?.positions).toEqual([0, 1, 5, 6, 7, 8]);
    expect(fuzzyMatch('WEB', 'Open terminal in web-1')?.positions).toEqual([17, 18, 19]);
    expect(fuzzyMatch('xyz', 'Open terminal')).toBeUndefined();
    expect(fuzzyMatch('mret', 'terminal')).toBeUndefined(); // out of order
    // Letters scattered inside words are noise, not a match: "web" is not in "Show logs of bench-b".
    expect(fuzzyMatch('web', 'Show logs of bench-b')).toBeUndefined();
    // A plain substring inside a word still matches.
    expect(fuzzyMatch('box', 'fixture/busybox')?.positions).toEqual([12, 13, 14]);
  });

  it('prefers word starts and runs over scattered letters', () => {
    // "st" as the start of "Stop" beats the s…t inside "Restart".
    const stop = fuzzyMatch('st', 'Stop web-1')!;
    const restart = fuzzyMatch('st', 'Restart web-1')!;
    expect(stop.score).toBeGreaterThan(restart.score);
    // In one text, the best placement wins: "log" at the word "logs", not l…o…g spread out.
    expect(fuzzyMatch('log', 'Show all logs')?.positions).toEqual([9, 10, 11]);
  });

  it('counts camelCase and separators as word starts', () => {
    expect(fuzzyMatch('ct', 'commandTool')!.score).toBeGreaterThan(fuzzyMatch('ct', 'contact')!.score);
    expect(fuzzyMatch('fb', 'fixture/busybox')?.positions).toEqual([0, 8]);
  });
});

describe('matchCommand', () => {
  it('needs every word of the query, each matching the title or a keyword', () => {
    const command = { title: 'Open terminal in web-1', keywords: ['exec', 'shell'] };
    expect(matchCommand(command, 'term web')).toBeDefined();
    expect(matchCommand(command, 'shell web')).toBeDefined();
    expect(matchCommand(command, 'term db')).toBeUndefined();
  });

  it('highlights only title matches', () => {
    expect(matchCommand({ title: 'Theme: Dark', keywords: ['appearance'] }, 'appear dark')?.positions).toEqual([7, 8, 9, 10]);
  });

  it('ranks a title match above a keyword match', () => {
    const viaTitle = matchCommand({ title: 'Show logs of web-1' }, 'logs')!;
    const viaKeyword = matchCommand({ title: 'Open terminal in web-1', keywords: ['logs'] }, 'logs')!;
    expect(viaTitle.score).toBeGreaterThan(viaKeyword.score);
  });
});

describe('rankByQuery', () => {
  const commands = [
    { title: 'Go to Containers', group: 'Navigation' },
    { title: 'Go to Images', group: 'Navigation' },
    { title: 'Run a container…', group: 'Actions', keywords: ['docker run', 'new'] },
    { title: 'Restart web-1', group: 'Containers' },
    { title: 'Run fixture/busybox:latest…', group: 'Images' },
    { title: 'Open terminal in web-1', group: 'Containers', keywords: ['exec', 'shell'] },
  ];

  it('keeps every command in order for an empty query', () => {
    expect(titles(rankByQuery(commands, '  '))).toEqual(commands.map((c) => c.title));
  });

  it('keeps the commands\' own order among equal matches (a container\'s terminal before its stop)', () => {
    const own = [
      { title: 'Open terminal in web-1', group: 'Containers' },
      { title: 'Stop web-1', group: 'Containers' },
    ];
    expect(titles(rankByQuery(own, 'web'))).toEqual(['Open terminal in web-1', 'Stop web-1']);
  });

  it('puts the best match first: "run" → Run a container… before running an image', () => {
    expect(titles(rankByQuery(commands, 'run'))).toEqual(['Run a container…', 'Run fixture/busybox:latest…']);
  });

  it('finds a container command by a few letters of each word', () => {
    expect(titles(rankByQuery(commands, 'term web'))[0]).toBe('Open terminal in web-1');
    expect(titles(rankByQuery(commands, 'img'))).toEqual(['Go to Images']);
  });

  it('groups ranked commands under headings, best group first', () => {
    const groups = groupRanked(rankByQuery(commands, 'run'));
    expect(groups.map((g) => g.group)).toEqual(['Actions', 'Images']);
    expect(groupRanked(rankByQuery(commands, 're')).map((g) => g.group)).toEqual(['Containers', 'Images']);
    expect(groupRanked(rankByQuery(commands, '')).map((g) => g.group)).toEqual(['Navigation', 'Actions', 'Containers', 'Images']);
  });
});
