// `npm run bench:match`: the matching index at the scale of a national registry. Builds a
// pool of 100,000 generated candidates, then reports the index's build time and memory, and
// top-10 query latency (p50/p95) over varied specs next to a straightforward full scan of
// the same pool on the same specs, in the same run; it also checks that both rank alike.
// Prints numbers; asserts nothing. Run with --expose-gc (the npm script does) for clean
// memory figures. Options: --count N (default 100000), --specs N (default 250).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { asPoolCandidate, type PoolCandidate } from '../src/core/matching/candidate.js';
import { loadMatchingData } from '../src/core/matching/data.js';
import type { Match } from '../src/core/matching/explain.js';
import { FullScan } from '../src/core/matching/full-scan.js';
import { generateCandidates } from '../src/core/matching/generate.js';
import { generateSpecs } from '../src/core/matching/generate-specs.js';
import { MatchIndex } from '../src/core/matching/index.js';
import { mulberry32 } from '../src/core/matching/random.js';
import type { MatchContext, MatchInput } from '../src/core/matching/query.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, specs: { type: 'string', default: '250' } } });
const COUNT = Number(values.count);
const SPECS = Number(values.specs);
const TOP = 10;
const INDEX_ROUNDS = 3;

const gc = (globalThis as { gc?: () => void }).gc;
function settle(): NodeJS.MemoryUsage {
  gc?.();
  gc?.();
  return process.memoryUsage();
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (t: number) => `${t.toFixed(2)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** The same percentiles of CPU time (user + system) per query: what the work costs when the machine is shared. */
  cpu: { p50: number; p95: number };
  results: Match[][];
}

function timeAll(specs: MatchInput[], rounds: number, run: (spec: MatchInput) => Match[]): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  let results: Match[][] = [];
  for (let r = 0; r < rounds; r++) {
    results = specs.map((spec) => {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const found = run(spec);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      return found;
    });
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: quantile(wall, 0.5), p95: quantile(wall, 0.95), max: wall[wall.length - 1] as number, cpu: { p50: quantile(cpu, 0.5), p95: quantile(cpu, 0.95) }, results };
}

const describe = (t: Timing) => `p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, max ${ms(t.max)} (CPU time per query: p50 ${ms(t.cpu.p50)}, p95 ${ms(t.cpu.p95)})`;

/** Some people already committed elsewhere or proposed on other cases, as in a live registry. */
function liveContext(pool: PoolCandidate[]): MatchContext {
  const rnd = mulberry32(2026);
  const committed = new Map<string, number>();
  const exposure = new Map<string, number>();
  for (const c of pool) {
    if (rnd() < 0.05) committed.set(c.id, Math.min(c.daysPerWeek, rnd() < 0.5 ? 1 : 0.5));
    if (rnd() < 0.03) exposure.set(c.id, 1 + Math.floor(rnd() * 3));
  }
  return { committedDays: committed, exposure, exclude: new Set() };
}

function main(): void {
  console.log(`bench:match — Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}${gc ? '' : ' (no --expose-gc: memory figures are rough)'}`);
  const data = loadMatchingData();
  let started = performance.now();
  const pool = Array.from(generateCandidates(COUNT, 'bench'), (r) => asPoolCandidate(r.profile));
  console.log(`pool:       ${COUNT.toLocaleString('en')} generated candidates in ${(performance.now() - started).toFixed(0)} ms`);
  const specs = generateSpecs(SPECS, 'bench');
  const ctx = liveContext(pool);

  const before = settle();
  started = performance.now();
  const index = MatchIndex.build(pool, data);
  const buildMs = performance.now() - started;
  const after = settle();
  const text = index.textStats;
  console.log(`index:      built in ${buildMs.toFixed(0)} ms; ${text.terms.toLocaleString('en')} bigram terms, ${text.postings.toLocaleString('en')} postings`);
  console.log(`memory:     RSS +${mb(after.rss - before.rss)}, heap +${mb(after.heapUsed - before.heapUsed)}, typed arrays +${mb(after.arrayBuffers - before.arrayBuffers)} (text postings ${mb(text.bytes)})`);

  // The registry's state (commitments, proposals) is resolved to pool positions once per
  // context object (MatchIndex.resolve); shown apart so the query figures are plain.
  started = performance.now();
  index.resolve(ctx);
  console.log(`context:    ${ctx.committedDays.size.toLocaleString('en')} people with commitments, ${ctx.exposure.size.toLocaleString('en')} proposed elsewhere; resolved once in ${(performance.now() - started).toFixed(1)} ms`);
  // Warm up the JIT on other specs, as a server would be warm after its first queries.
  for (const spec of generateSpecs(50, 'warm-up')) index.query(spec, ctx, TOP);
  const indexed = timeAll(specs, INDEX_ROUNDS, (spec) => index.query(spec, ctx, TOP));
  console.log(`index:      top-${TOP} over ${SPECS} specs × ${INDEX_ROUNDS} rounds: ${describe(indexed)}`);

  started = performance.now();
  const scan = FullScan.prepare(pool, data);
  console.log(`full scan:  prepared in ${(performance.now() - started).toFixed(0)} ms (normalized texts and document frequencies)`);
  for (const spec of generateSpecs(5, 'warm-up')) scan.query(spec, ctx, TOP);
  const scanned = timeAll(specs, 1, (spec) => scan.query(spec, ctx, TOP));
  console.log(`full scan:  top-${TOP} over ${SPECS} specs: ${describe(scanned)}`);

  const key = (ms: Match[]) => JSON.stringify(ms.map((m) => [m.candidateId, m.score, m.reasons, m.gaps]));
  const differing = specs.filter((_, i) => key(indexed.results[i] as Match[]) !== key(scanned.results[i] as Match[])).length;
  console.log(`agreement:  ${SPECS - differing}/${SPECS} specs ranked identically (ids, scores, reasons, gaps)`);
  console.log(`ratio:      full scan / index = ${(scanned.p50 / indexed.p50).toFixed(1)}× at p50, ${(scanned.p95 / indexed.p95).toFixed(1)}× at p95 (CPU time: ${(scanned.cpu.p50 / indexed.cpu.p50).toFixed(1)}× and ${(scanned.cpu.p95 / indexed.cpu.p95).toFixed(1)}×)`);
  console.log(`load:       ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
  console.log(JSON.stringify({
    candidates: COUNT, specs: SPECS, buildMs: Math.round(buildMs), rssDeltaMb: +((after.rss - before.rss) / 1048576).toFixed(1),
    heapDeltaMb: +((after.heapUsed - before.heapUsed) / 1048576).toFixed(1),
    index: { p50: +indexed.p50.toFixed(2), p95: +indexed.p95.toFixed(2), cpuP50: +indexed.cpu.p50.toFixed(2), cpuP95: +indexed.cpu.p95.toFixed(2) },
    fullScan: { p50: +scanned.p50.toFixed(2), p95: +scanned.p95.toFixed(2), cpuP50: +scanned.cpu.p50.toFixed(2), cpuP95: +scanned.cpu.p95.toFixed(2) }, ratioP50: +(scanned.p50 / indexed.p50).toFixed(1),
    ratioP95: +(scanned.p95 / indexed.p95).toFixed(1), identical: SPECS - differing,
  }));
}

main();
