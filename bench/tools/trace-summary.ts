// Sums up a recording of chromium-trace.ts: `node --import tsx bench/tools/trace-summary.ts <file>`
// (a trace-*.json or a profile-*.cpuprofile from bench/results).
import { readFileSync } from 'node:fs';
import { summariseFrames, summariseProfile, summariseThreads, type CpuProfile, type TraceEvent } from '../lib/trace-summary';

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx bench/tools/trace-summary.ts <trace.json | profile.cpuprofile>');
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[] | CpuProfile;

if ('nodes' in data) {
  const profile = summariseProfile(data);
  console.log(`JavaScript sampled: ${profile.sampledMs} ms`);
  console.log('self ms:');
  for (const [name, ms] of profile.selfMs) console.log(`  ${String(ms).padStart(8)}  ${name}`);
  console.log('total ms:');
  for (const [name, ms] of profile.totalMs) console.log(`  ${String(ms).padStart(8)}  ${name}`);
} else {
  const events = Array.isArray(data) ? data : (data.traceEvents ?? []);
  const frames = summariseFrames(events);
  if (frames) console.log('page main thread frames:', JSON.stringify(frames));
  for (const thread of summariseThreads(events)) {
    console.log(`${thread.thread}: busy ${thread.busyMs} ms`);
    for (const [name, ms] of thread.selfMs) console.log(`  ${String(ms).padStart(8)}  ${name}`);
  }
}
