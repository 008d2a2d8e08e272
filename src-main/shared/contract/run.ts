// Contract entries for run: filled in by the run feature.
export const runInvokes = {};
export const runEvents = {};
export const runStreams = {};
