'use strict';
// The workloads W1-W5 of BENCHMARKS.md for @sesamecare-oss/redlock on ioredis, with VonaJS's Redlock settings.
// Run by dev.redlock.bench.NodeRedlock: `node redlock-bench.cjs '<json config>'` with NODE_PATH pointing at the
// packages the driver installed. Prints one JSON line: {"metrics": {...}, "waitsUs": [...]}, with the same
// metric names and definitions as dev.redlock.bench.Workloads (client CPU and context switches: the whole Node.js
// process, from process.cpuUsage() and process.resourceUsage(); server CPU: the processes in cfg.serverPids).

const { Redlock } = require('@sesamecare-oss/redlock');
const Redis = require('ioredis');

const VONA_SETTINGS = { driftFactor: 0.01, retryCount: -1, retryDelay: 200, retryJitter: 100 };

const fs = require('fs');

const cfg = JSON.parse(process.argv[2]);
const now = () => process.hrtime.bigint(); // nanoseconds

// utime + stime of the redis-server processes the driver named (cfg.serverPids), in clock ticks
// (/proc/<pid>/stat fields 14 and 15); null off Linux or if none were named
function serverTicks() {
  if (!Array.isArray(cfg.serverPids) || cfg.serverPids.length === 0) return null;
  try {
    let ticks = 0;
    for (const pid of cfg.serverPids) {
      const stat = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' '); // f[0] is field 3
      ticks += Number(f[14 - 3]) + Number(f[15 - 3]);
    }
    return ticks;
  } catch (e) {
    return null;
  }
}

// the counters around a timed section, as dev.redlock.bench.Counters takes them in Java
function probe() {
  const ru = process.resourceUsage();
  return {
    cpu: process.cpuUsage(),
    switches: ru.voluntaryContextSwitches + ru.involuntaryContextSwitches,
    server: serverTicks(),
  };
}

// client CPU (the whole process) and context switches per op, and the servers' CPU per op
function costs(before, after, ops) {
  if (ops <= 0) return {};
  const cpuUs = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  const m = { cpu_us_per_op: cpuUs / ops, csw_per_op: (after.switches - before.switches) / ops };
  if (before.server !== null && after.server !== null) {
    m.server_cpu_us_per_op = ((after.server - before.server) * 1e6) / (cfg.clockTicks || 100) / ops;
  }
  return m;
}

function client(uri) {
  const u = new URL(uri);
  return new Redis({ host: u.hostname, port: Number(u.port), lazyConnect: false, maxRetriesPerRequest: 1 });
}

function redlockOn(uris) {
  const clients = uris.map(client);
  return { redlock: new Redlock(clients, VONA_SETTINGS), clients };
}

async function close(set) {
  await Promise.all(set.clients.map((c) => c.quit()));
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
}

function sortNumbers(a) {
  return Float64Array.from(a).sort();
}

// W1 and W3: one worker, ops x (acquire a distinct resource, release), after warmup untimed pairs
async function serial() {
  const set = redlockOn(cfg.uris);
  try {
    for (let i = 0; i < cfg.warmup; i++) {
      await (await set.redlock.acquire([cfg.prefix + 'warm:' + i], cfg.ttlMs)).release();
    }
    const pair = new Array(cfg.ops);
    const before = probe();
    const start = now();
    for (let i = 0; i < cfg.ops; i++) {
      const t0 = now();
      const lock = await set.redlock.acquire([cfg.prefix + i], cfg.ttlMs);
      await lock.release();
      pair[i] = Number(now() - t0);
    }
    const elapsed = Number(now() - start);
    const after = probe();
    const sorted = sortNumbers(pair);
    return {
      metrics: {
        ...costs(before, after, cfg.ops),
        ops_per_s: (cfg.ops * 1e9) / elapsed,
        p50_us: percentile(sorted, 0.5) / 1e3,
        p99_us: percentile(sorted, 0.99) / 1e3,
      },
    };
  } finally {
    await close(set);
  }
}

// W2: `workers` loops in flight on one Redlock instance, distinct resources, until ops or seconds
async function parallel() {
  const set = redlockOn(cfg.uris);
  try {
    const run = async (prefix, ops, deadline) => {
      let ticket = 0;
      let done = 0;
      const worker = async () => {
        let t;
        while ((t = ticket++) < ops && now() < deadline) {
          await (await set.redlock.acquire([prefix + t], cfg.ttlMs)).release();
          done++;
        }
      };
      await Promise.all(Array.from({ length: cfg.workers }, worker));
      return done;
    };
    await run(cfg.prefix + 'warm:', cfg.warmup, BigInt(Number.MAX_SAFE_INTEGER) * 1000n);
    const before = probe();
    const start = now();
    const done = await run(cfg.prefix, cfg.ops, start + BigInt(Math.round(cfg.seconds * 1e9)));
    const elapsed = Number(now() - start);
    const after = probe();
    return { metrics: { ...costs(before, after, done), ops_per_s: (done * 1e9) / elapsed } };
  } finally {
    await close(set);
  }
}

// W4 and W5: `workers` loops, each with its own Redlock instance and connection, on ONE resource
async function contended() {
  const sets = Array.from({ length: cfg.workers }, () => redlockOn(cfg.uris));
  const resource = cfg.prefix + 'one';
  const perWorker = new Array(cfg.workers).fill(0);
  const waits = [];
  const handoffs = [];
  const handoverWaits = [];
  let stop = false;
  let stopAt = 0n;
  let inside = false;
  let violations = 0;
  let grants = 0;
  let allGrants = 0;
  let counter = 0;
  let lastReleaser = -1;
  let lastReleaseAt = 0n;
  try {
    await Promise.all(sets.map((s) => Promise.all(s.clients.map((c) => c.ping()))));
    const before = probe();
    const start = now();
    const deadline = start + BigInt(Math.round(cfg.seconds * 1e9));
    const worker = async (w) => {
      while (!stop) {
        const requested = now();
        const lock = await sets[w].redlock.acquire([resource], cfg.ttlMs);
        const granted = now();
        const record = !stop;
        if (inside) violations++;
        inside = true;
        const seen = counter;
        await Promise.resolve(); // give a concurrent holder, if any, the chance to interleave
        counter = seen + 1;
        allGrants++;
        if (record) {
          grants++;
          perWorker[w]++;
          waits.push(Number(granted - requested));
          if (lastReleaser >= 0 && lastReleaser !== w) {
            handoffs.push(Number(granted - lastReleaseAt));
            handoverWaits.push(Number(granted - requested));
          }
          if (grants >= cfg.maxGrants || granted >= deadline) {
            if (stopAt === 0n) stopAt = granted;
            stop = true;
          }
        }
        inside = false;
        lastReleaser = w;
        lastReleaseAt = now();
        await lock.release();
      }
    };
    await Promise.all(Array.from({ length: cfg.workers }, (_, w) => worker(w)));
    const after = probe();
    const seconds = Number((stopAt !== 0n ? stopAt : now()) - start) / 1e9;
    const sw = sortNumbers(waits);
    const sh = sortNumbers(handoffs);
    const shw = sortNumbers(handoverWaits);
    const min = Math.min(...perWorker);
    const max = Math.max(...perWorker);
    const lost = allGrants - counter;
    return {
      metrics: {
        ...costs(before, after, allGrants),
        grants,
        grants_per_s: grants / seconds,
        wait_p50_ms: percentile(sw, 0.5) / 1e6,
        wait_p99_ms: percentile(sw, 0.99) / 1e6,
        handover_wait_p50_ms: shw.length ? percentile(shw, 0.5) / 1e6 : null,
        handover_wait_p99_ms: shw.length ? percentile(shw, 0.99) / 1e6 : null,
        fairness: max === 0 ? 0 : min / max,
        handoff_p50_us: sh.length ? percentile(sh, 0.5) / 1e3 : null,
        handoff_p99_us: sh.length ? percentile(sh, 0.99) / 1e3 : null,
        handovers_per_s: handoffs.length / seconds,
        violations: violations + Math.max(0, lost),
      },
      waitsUs: waits.map((ns) => Math.round(ns / 1e3)),
    };
  } finally {
    await Promise.all(sets.map(close));
  }
}

const workloads = { W1: serial, W3: serial, W2: parallel, W4: contended };

workloads[cfg.workload]()
  .then((result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
  })
  .catch((e) => {
    console.error('redlock-bench.cjs failed:', e);
    process.exit(1);
  });
