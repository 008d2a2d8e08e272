// Contract entries for logs: filled in by the logs feature.
export const logsInvokes = {};
export const logsEvents = {};
export const logsStreams = {};
