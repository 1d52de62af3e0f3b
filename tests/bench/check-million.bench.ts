/**
 * `lifecircle check` of a million CSV rows (issue #13): BD-09 estates around Hefei, JSON out; target
 * ≤ 60 s and ≤ 2 GB peak memory. The file is generated with a seeded generator (mulberry32, nothing is
 * downloaded) under os.tmpdir(): the columns the importer recognises (小区名称, 区县, 户数, 常住人口,
 * 状态, 养老服务用房面积, 托位数, lng, lat), every 1000th row without households (an unusable row, listed
 * under `errors`) and every 1500th with 50,000 households (an implausible-households warning).
 * Each case spawns the product's own CLI, `node bin/lifecircle.mjs check …`, as a user runs it; its peak
 * memory is the child's maximum resident set size (process.resourceUsage().maxRSS, reported by the child
 * at exit). The baseline measured in the same run is the same check of the first 100,000 rows: the
 * ratios say whether time and memory grow with the rows (time) and not with them (memory).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, openSync, readSync, rmSync, statSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { benchAndRecord, recordedCase } from './bench-results';
import { mulberry32 } from './w1-workload';
import { ROOT } from '../cli/run-cli';

const DIR = join(tmpdir(), 'lifecircle-bench-check');
const DISTRICTS = ['包河', '蜀山', '庐阳', '瑶海', '高新', '经开', '政务'];
const STATUS = ['已建成', '新建', '在建', ''];

/** Writes the seeded estates file of `rows` rows (the same first rows whatever the count). */
async function writeEstates(path: string, rows: number): Promise<void> {
  const next = mulberry32(20261207);
  const u = () => next() / 2 ** 32;
  const out = createWriteStream(path);
  const write = (text: string) =>
    new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', () => done())));
  await write('小区名称,区县,户数,常住人口,状态,养老服务用房面积,托位数,lng,lat\n');
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const given = 100 + Math.floor(u() * 3000);
    const households = i % 1000 === 0 ? '' : i % 1500 === 0 ? 50_000 : given;
    const residents = u() < 0.3 ? '' : Math.round(given * (2.5 + u()));
    const area = u() < 0.2 ? '' : Math.round(given * u() * 0.4);
    const places = u() < 0.2 ? '' : Math.floor(u() * 60);
    // BD-09 around Hefei's centre: 117.15–117.45 E, 31.75–31.95 N.
    const lng = (117.15 + u() * 0.3).toFixed(6);
    const lat = (31.75 + u() * 0.2).toFixed(6);
    buffer += `小区${i},${DISTRICTS[i % 7]},${households},${residents},${STATUS[i % 4]},${area},${places},${lng},${lat}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((done) => out.end(done));
}

/** The summary block at the end of the check's JSON (read from the file's tail, never the whole file). */
function summaryOf(path: string): { estates: number; rows: number; rowsWithErrors: number } {
  const size = statSync(path).size;
  const length = Math.min(size, 16_384);
  const tail = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  readSync(fd, tail, 0, length, size - length);
  closeSync(fd);
  const text = tail.toString('utf8');
  const at = text.lastIndexOf('\n  "summary": ');
  return JSON.parse(text.slice(at + '\n  "summary": '.length).replace(/\n}\n$/, '')) as never;
}

/** Runs the CLI's check; resolves with its exit code and peak memory (MiB). */
function check(input: string, out: string): Promise<{ code: number; maxRssMB: number }> {
  // The child reports its own peak RSS as it exits, on standard error's last line.
  const report = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))`;
  const args = ['--import', report, join(ROOT, 'bin', 'lifecircle.mjs'), 'check', input];
  args.push('--crs', 'bd09', '--profile', 'hefei', '--status', 'existing', '--format', 'json', '--out', out);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const kb = /maxRSS (\d+)/.exec(stderr)?.[1];
      if (!kb) reject(new Error(`no maxRSS from the child (exit ${code}): ${stderr.slice(-2000)}`));
      else resolve({ code: code ?? -1, maxRssMB: Math.round(Number(kb) / 1024) });
    });
  });
}

function checkCase(name: string, rows: number, baseline?: string): void {
  const input = join(DIR, `estates-${rows}.csv`);
  const out = join(DIR, `verdicts-${rows}.json`);
  let peakMB = 0;
  let outputMB = 0;
  let accounting: ReturnType<typeof summaryOf> | null = null;
  let code = -1;
  let lastMs = 0;
  benchAndRecord(
    name,
    async () => {
      const start = performance.now();
      const result = await check(input, out);
      lastMs = performance.now() - start;
      code = result.code;
      peakMB = Math.max(peakMB, result.maxRssMB);
      outputMB = Math.round(statSync(out).size / 2 ** 20);
      accounting = summaryOf(out);
      rmSync(out, { force: true });
    },
    {
      // As few runs as the bench runner takes (a million rows take most of a minute); no warm-up run.
      iterations: 1,
      time: 0,
      warmupIterations: 0,
      warmupTime: 0,
      extra: () => {
        const base = baseline ? recordedCase(baseline) : undefined;
        const baseMB = typeof base?.peakMemoryMB === 'number' ? base.peakMemoryMB : null;
        return {
          entry: 'node bin/lifecircle.mjs check --crs bd09 --format json --out',
          rows,
          exitCode: code,
          estates: accounting?.estates ?? null,
          rowsWithErrors: accounting?.rowsWithErrors ?? null,
          peakMemoryMB: peakMB,
          outputMB,
          targetMs: 60_000,
          targetMB: 2048,
          ...(base
            ? {
                baseline,
                timeRatio: lastMs / base.medianMs,
                memoryRatio: baseMB ? peakMB / baseMB : null,
              }
            : {}),
        };
      },
      onRecorded: (r) => {
        rmSync(input, { force: true });
        const a = accounting;
        console.log(
          `${name}: ${(r.medianMs / 1000).toFixed(1)} s, peak ${peakMB} MiB, ${outputMB} MiB of JSON, exit ${code}; ` +
            `${a?.estates} evaluated + ${a?.rowsWithErrors} unusable = ${a?.rows} rows` +
            (typeof r.timeRatio === 'number'
              ? `; ×${r.timeRatio.toFixed(1)} the time and ×${(r.memoryRatio as number).toFixed(2)} the memory of ${baseline}`
              : ''),
        );
      },
    },
  );
}

// The files are written before any case runs, so that no timing includes them.
mkdirSync(DIR, { recursive: true });
await writeEstates(join(DIR, 'estates-100000.csv'), 100_000);
await writeEstates(join(DIR, 'estates-1000000.csv'), 1_000_000);

describe('check of a million CSV rows (issue #13)', () => {
  checkCase('check: 100k CSV rows, JSON', 100_000);
  checkCase('check: 1M CSV rows, JSON', 1_000_000, 'check: 100k CSV rows, JSON');
});
