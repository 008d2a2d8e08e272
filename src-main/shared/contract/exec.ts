// Contract entries for exec: filled in by the exec feature.
export const execInvokes = {};
export const execEvents = {};
export const execStreams = {};
