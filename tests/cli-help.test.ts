// Help that helps: every command's --help lists every option it accepts, each command accepts
// exactly the options its help lists (anything else is a usage error naming it), every
// environment variable the code reads is documented, and `make help` lists every make target.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/command-line/parse.js';
import { UsageError } from '../src/source/find-briefs.js';
import { ROOT, runCli } from './support/run-cli.js';

/** What each command takes, written out here (not read from the table) so a change shows up twice. */
const ACCEPTS: Record<string, { args: string[]; options: string[] }> = {
  new: { args: ['IF99002'], options: ['--title', '--content'] },
  check: { args: [], options: ['--no-fit', '--content', '--out'] },
  build: { args: [], options: ['--format', '--allow-overflow', '--shard', '--content', '--out'] },
  preview: { args: ['IF11415'], options: ['--port', '--content'] },
  release: { args: ['IF11415'], options: ['--date', '--content', '--out'] },
  diff: { args: ['IF11415'], options: ['--content', '--out'] },
  dist: { args: [], options: ['--base-url', '--content', '--out'] },
  verify: { args: [], options: ['--content'] },
  help: { args: [], options: [] },
};
const EVERY_COMMAND = ['--debug', '--help'];
const ALL_OPTIONS = [...new Set(Object.values(ACCEPTS).flatMap((c) => c.options))];
const STRING_OPTIONS = new Set(['--title', '--content', '--out', '--format', '--port', '--date', '--shard', '--base-url']);

/** An option as it would be typed, with a value when it takes one. */
const typed = (option: string) => (STRING_OPTIONS.has(option) ? [option, option === '--date' ? '2026-01-01' : 'x'] : [option]);

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error(`accepted: brief ${argv.join(' ')}`);
}

describe('brief <command> --help', () => {
  for (const [command, { options }] of Object.entries(ACCEPTS)) {
    it(`${command}: exits 0 and lists each option it accepts`, () => {
      const r = runCli([command, '--help']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: brief ${command}\\b`));
      for (const option of [...options, ...EVERY_COMMAND]) expect(r.stdout, option).toMatch(new RegExp(`^  (-\\w, )?${option}\\b`, 'm'));
      // …and none it refuses.
      for (const option of ALL_OPTIONS.filter((o) => !options.includes(o))) expect(r.stdout, option).not.toMatch(new RegExp(`^  (-\\w, )?${option}\\b`, 'm'));
    });
  }

  it('`brief help build` is `brief build --help`; `brief help` lists every command', () => {
    const help = runCli(['help', 'build']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(runCli(['build', '--help']).stdout);
    const all = runCli(['help']);
    expect(all.status).toBe(0);
    for (const command of Object.keys(ACCEPTS)) expect(all.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(runCli(['--help']).stdout).toBe(all.stdout);
    expect(runCli(['preview', '--help']).stdout).toMatch(/^usage: brief preview PRODUCT \[--port N\]/);
  });

  it('documents every environment variable the code reads, where it matters', () => {
    const read = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]!);
      }
    };
    walk(path.join(ROOT, 'src'));
    expect([...read].sort()).toEqual(['BRIEF_LOCK_WAIT', 'BRIEF_PAGES', 'BRIEF_PARSE_TIMEOUT', 'PUPPETEER_EXECUTABLE_PATH']);
    const general = runCli(['help']).stdout;
    for (const name of read) expect(general).toMatch(new RegExp(`^  ${name} `, 'm'));
    // The lock is taken by the commands that write output; the browser by those that lay out.
    expect(runCli(['build', '--help']).stdout).toMatch(/BRIEF_LOCK_WAIT[\s\S]*PUPPETEER_EXECUTABLE_PATH/);
    expect(runCli(['new', '--help']).stdout).not.toMatch(/environment:/);
  });

  it('documents every option the CLI reads', () => {
    const cli = fs.readFileSync(path.join(ROOT, 'src/cli.ts'), 'utf8');
    const read = new Set([...cli.matchAll(/values(?:\.([a-z]+)|\['([a-z-]+)'\])/g)].map((m) => `--${m[1] ?? m[2]}`));
    expect(read.size).toBeGreaterThan(5);
    for (const option of read) expect([...ALL_OPTIONS, ...EVERY_COMMAND], option).toContain(option);
  });
});

describe('what each command accepts', () => {
  it('takes each option its help lists, and refuses the others, naming the option and where to look', () => {
    for (const [command, { args, options }] of Object.entries(ACCEPTS)) {
      for (const option of [...options, '--debug']) expect(() => parseCommandLine([command, ...args, ...typed(option)]), `${command} ${option}`).not.toThrow();
      for (const option of ALL_OPTIONS.filter((o) => !options.includes(o))) {
        expect(usageError([command, ...args, ...typed(option)]), `${command} ${option}`).toMatch(new RegExp(`^${option} is for .*\`brief [a-z]+\` only, not \`brief ${command}\`.*; see \`brief ${command} --help\`$`));
      }
    }
  });

  it('an unknown option: exit 2, named, pointing at the command\'s help; nothing run', () => {
    const r = runCli(['build', 'IF11415', '--fromat', 'pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('brief: unknown option `--fromat` for `brief build`; see `brief build --help`');
    expect(r.stdout).toBe('');
  });

  it('an option meant for another command: exit 2 (`--date` outside release)', () => {
    const r = runCli(['check', 'IF11415', '--date', '2026-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^brief: --date is for `brief release` only, not `brief check`; see `brief check --help`$/m);
  });

  it('a missing value, a wrong count of arguments, an unknown command or topic: exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['build', '--content'], /--content <value>' argument missing; see `brief build --help`/],
      [['dist', 'IF11415'], /`brief dist` takes no PRODUCT .*, not `IF11415`; see `brief dist --help`/],
      [['release'], /`brief release` takes one PRODUCT, .*not none/],
      [['publish'], /unknown command `publish`: expected one of new, check, build, preview, release, diff, dist, verify, help; see `brief help`/],
      [['help', 'publish'], /no command `publish`/],
      // --content at a file, not a folder: said as such (it was an internal error).
      [['check', '--content', path.join(ROOT, 'package.json')], /--content .*package\.json is a file: expected the folder of briefs/],
    ];
    for (const [argv, message] of cases) {
      const r = runCli(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    const bare = runCli([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^usage: brief <command>/m);
  });
});

describe('make help', () => {
  it('lists every target, and says what make does to the exit code', () => {
    const makefile = fs.readFileSync(path.join(ROOT, 'Makefile'), 'utf8');
    const targets = /^\.PHONY:(.*)$/m.exec(makefile)![1]!.trim().split(/\s+/);
    expect(targets).toContain('new');
    const r = spawnSync('make', ['-s', 'help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const target of targets.filter((t) => t !== 'help')) expect(r.stdout, target).toMatch(new RegExp(`^make ${target}\\b`, 'm'));
    expect(r.stdout).toMatch(/make new PRODUCT=\S+ \[TITLE=/);
    expect(r.stdout).toMatch(/make release PRODUCT=\S+ \[DATE=YYYY-MM-DD\]/);
    expect(r.stdout).toMatch(/make exits 2[\s\S]*1 a brief has problems, 2 a usage error/);
  });
});
