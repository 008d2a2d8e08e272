// The run feature's pure layer, shared by main and renderer: the RunSpec, its validation, the
// equivalent `docker run` command both ways, and compose output.
export * from './spec';
export * from './image-ref';
export * from './ports';
export * from './volumes';
export * from './validate';
export * from './shell-words';
export * from './parse-command';
export * from './build-command';
export * from './env-file';
export * from './compose';
export * from './run-errors';
export * from './pull-progress';
export { RUN_FLAGS } from './run-flags';
