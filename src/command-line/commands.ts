// What the command line accepts, command by command: one table that both the parser and the help
// read, so an option cannot be accepted without being documented, nor documented without being
// accepted.

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help (`DIR`); string options only. */
  value?: string;
  help: string;
  /** Why a command that does not take it refuses it, added to the usage error. */
  refusedBecause?: string;
}

export type EnvName = 'BRIEF_PARSE_TIMEOUT' | 'BRIEF_LOCK_WAIT' | 'BRIEF_PAGES' | 'PUPPETEER_EXECUTABLE_PATH';

export interface CommandSpec {
  /** The usage line after `brief `, e.g. `build [PRODUCT...] [--format LIST]`. */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** What it does, in more words: one string per paragraph. */
  description: string[];
  /** Its own options, in the order the help lists them; --debug and --help go with every command. */
  options: OptionName[];
  /** How many positional arguments it takes, and what to say when the count is wrong. */
  args: { min: number; max: number; expected: string };
  env: EnvName[];
  /** Its make targets, if any. */
  make?: string;
  /** What its exit code 0 and 1 mean, when more specific than the general rule. */
  exit?: string;
}

export const OPTIONS = {
  format: { type: 'string', short: 'f', value: 'LIST', help: 'the formats to build, comma-separated: html, pdf, docx (default: all three)' },
  'allow-overflow': {
    type: 'boolean',
    help: 'write the PDF of a draft that does not fit its two pages anyway: the overflow on further pages, every page stamped DRAFT, the overflow reported as a warning (exit 0). A working view of drafts only: published versions are never rebuilt for it',
    refusedBecause: 'a release (and everything published) must fit its two pages',
  },
  'no-fit': { type: 'boolean', help: 'skip laying the drafts out (the two-page fit check): source checks only, no browser' },
  date: { type: 'string', value: 'YYYY-MM-DD', help: "the release's date (default: the draft's date if it is later than the last version's, else today)" },
  title: { type: 'string', value: 'TEXT', help: 'the title, quoted for the shell if it has spaces (default: "Untitled Brief"); must not be empty' },
  port: { type: 'string', value: 'N', help: 'the port to serve on, on 127.0.0.1 only' },
  shard: {
    type: 'string',
    value: 'I/N',
    help: 'build part I of N of the catalogue (a deterministic partition balanced by the size of each brief): N machines with 1/N … N/N build it all, and their outputs together are the whole build',
  },
  'base-url': { type: 'string', value: 'URL', help: "the site's address (https://…/): the Atom feed's links are made absolute from it (default: relative links, for a site opened from disk)" },
  content: { type: 'string', value: 'DIR', help: 'the folder of briefs, one content/<PRODUCT>/ folder each (default: content)' },
  out: { type: 'string', value: 'DIR', help: 'the output folder (default: output)' },
  debug: { type: 'boolean', help: 'on an internal error (a bug in brief, not in a brief), print its stack trace too' },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
/** What the parser gives: a string for each string option given, a boolean for each flag. */
export type OptionValues = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

/** Options every command takes. */
export const COMMON_OPTIONS: OptionName[] = ['debug', 'help'];

export const ENV: Record<EnvName, string> = {
  BRIEF_PARSE_TIMEOUT: 'seconds reading and parsing one brief may take before it is stopped with an error at its line 1 (default 30)',
  BRIEF_LOCK_WAIT: 'seconds to wait for another build holding the same output folder before stopping with exit 1 (default 300)',
  BRIEF_PAGES: 'how many briefs Chromium lays out at once, each in a page of its own (default: the number of cores, at most 4); the files are the same for any number',
  PUPPETEER_EXECUTABLE_PATH: "the Chromium that lays out and prints the PDF (default: the system's chromium, else puppeteer's own)",
};

/** What the exit codes mean for every command (a command may say more in its `exit`). */
export const GENERAL_EXIT = '0 done; 1 a brief has problems (each printed as file:line:col: error: …; nothing is written) or an internal error; 2 a usage error';

export const COMMANDS: Record<string, CommandSpec> = {
  new: {
    usage: 'new PRODUCT [--title TEXT] [--content DIR]',
    summary: 'start a brief: <content>/<PRODUCT>/brief.md, a skeleton that checks and builds',
    description: [
      "Writes <content>/<PRODUCT>/brief.md: front matter with today's date, version 1, status new, the newest house style, a placeholder author to replace, the title, and one section (## Background) saying what to write. It checks and builds as it is (brief check warns that page 2 is mostly empty until the brief fills it).",
      'PRODUCT is a CRS product code: IF, IN, R, RL, RS or LSB followed by 4 to 6 digits, e.g. IF99002. It never overwrites: an existing <content>/<PRODUCT>/ folder (with or without a brief) is refused.',
    ],
    options: ['title', 'content'],
    args: { min: 1, max: 1, expected: 'one PRODUCT, e.g. `brief new IF99002 --title "Water Rights in the West"`' },
    env: [],
    make: 'make new PRODUCT=IF99002 [TITLE="…"] [CONTENT=DIR]',
    exit: '0 written; 1 the product folder already exists (nothing is written); 2 a usage error (a malformed product code, an empty title, no content folder)',
  },
  check: {
    usage: 'check [PRODUCT...] [--no-fit] [--content DIR]',
    summary: 'check the briefs and that each draft fits two pages; writes nothing',
    description: [
      'Checks every brief (or the PRODUCTs named) and every published version, and lays each draft out as its PDF to check it fits two pages, printing the lines it has to spare; writes nothing. A draft that leaves page 2 mostly empty gets a warning (exit 0).',
      '--out is accepted and ignored (check writes nothing), so that one --content/--out pair can follow any command.',
    ],
    options: ['no-fit', 'content', 'out'],
    args: { min: 0, max: Infinity, expected: '' },
    env: ['BRIEF_PARSE_TIMEOUT', 'BRIEF_PAGES', 'PUPPETEER_EXECUTABLE_PATH'],
    make: 'make check [PRODUCT=…] [NO_FIT=1] [CONTENT=DIR]',
  },
  build: {
    usage: 'build [PRODUCT...] [--format html,pdf,docx] [--allow-overflow] [--shard I/N] [--content DIR] [--out DIR]',
    summary: 'write <out>/<PRODUCT>/<VERSION>/<PRODUCT>.html|pdf|docx',
    description: [
      'Checks the briefs (or the PRODUCTs named), then writes <out>/<PRODUCT>/<VERSION>/<PRODUCT>.<format> for every published version and the draft of the next one. Only what changed is rebuilt; it prints what and why. A published version is never rendered again: its files are restored, byte for byte, from those kept when it was released (content/<PRODUCT>/versions/<n>/published/).',
      'A brief with problems (a bad date, a draft that does not fit two pages, in any format) is not written; every other brief is, and the problems of all are printed at the end (exit 1).',
    ],
    options: ['format', 'allow-overflow', 'shard', 'content', 'out'],
    args: { min: 0, max: Infinity, expected: '' },
    env: ['BRIEF_PARSE_TIMEOUT', 'BRIEF_LOCK_WAIT', 'BRIEF_PAGES', 'PUPPETEER_EXECUTABLE_PATH'],
    make: 'make html|pdf|docx|all [PRODUCT=…] [ALLOW_OVERFLOW=1] [CONTENT=DIR]',
  },
  preview: {
    usage: 'preview PRODUCT [--port N] [--content DIR]',
    summary: 'a live preview on 127.0.0.1 that shows the two pages and the fit as you save',
    description: ['Serves the brief laid out as its PDF, with a fit meter and any errors, refreshed on every save of the brief, its figures and the templates.'],
    options: ['port', 'content'],
    args: { min: 1, max: 1, expected: 'one PRODUCT, e.g. `brief preview IF11415`' },
    env: ['BRIEF_PARSE_TIMEOUT', 'PUPPETEER_EXECUTABLE_PATH'],
    make: 'make preview PRODUCT=IF11415',
  },
  release: {
    usage: 'release PRODUCT [--date YYYY-MM-DD] [--content DIR] [--out DIR]',
    summary: 'freeze the draft as the next published version and build it',
    description: [
      'Freezes the draft as the next version (<content>/<PRODUCT>/versions/<n>/, with release.json) and builds its HTML, PDF and DOCX. Version 1 as written; later versions as the next number, status updated, dated --date. The draft gets the same fields. Releasing with no change is refused; a release that does not build is undone. A release must fit two pages (--allow-overflow is refused).',
    ],
    options: ['date', 'content', 'out'],
    args: { min: 1, max: 1, expected: 'one PRODUCT, e.g. `brief release IF11415`' },
    env: ['BRIEF_PARSE_TIMEOUT', 'BRIEF_LOCK_WAIT', 'BRIEF_PAGES', 'PUPPETEER_EXECUTABLE_PATH'],
    make: 'make release PRODUCT=IF11415 [DATE=YYYY-MM-DD] [CONTENT=DIR]',
  },
  diff: {
    usage: 'diff PRODUCT [FROM TO] [--content DIR] [--out DIR]',
    summary: 'redline (HTML) and tracked changes (DOCX) between two published versions',
    description: ['Writes <out>/<PRODUCT>/diffs/<FROM>-<TO>/: the redline as HTML and the later version as a DOCX with tracked changes. FROM and TO are published version numbers (default: the last two).'],
    options: ['content', 'out'],
    args: { min: 1, max: 3, expected: 'PRODUCT and optionally FROM TO, e.g. `brief diff IF11415 1 2`' },
    env: ['BRIEF_PARSE_TIMEOUT', 'BRIEF_LOCK_WAIT'],
    make: 'make diff PRODUCT=IF11415 [FROM=1 TO=2] [CONTENT=DIR]',
  },
  dist: {
    usage: 'dist [--base-url URL] [--content DIR] [--out DIR]',
    summary: 'the distribution site in <out>/site/',
    description: [
      "Restores whatever published version is missing from <out> (never drafts; a broken draft does not hold up the site), then writes the static site to <out>/site/: an index of the briefs, each brief's version history with its HTML, PDF, DOCX, zip and redlines, an Atom feed (feed.xml) and manifest.json.",
      'With outputs of several `build --shard` runs copied together into <out>, it makes the whole site from them.',
    ],
    options: ['base-url', 'content', 'out'],
    args: { min: 0, max: 0, expected: 'no PRODUCT (the site holds every published brief)' },
    env: ['BRIEF_PARSE_TIMEOUT', 'BRIEF_LOCK_WAIT', 'BRIEF_PAGES', 'PUPPETEER_EXECUTABLE_PATH'],
    make: 'make dist [CONTENT=DIR]',
  },
  verify: {
    usage: 'verify [PRODUCT...] [--content DIR]',
    summary: "render the published versions again and report whether today's toolchain would change their files",
    description: [
      'Renders every published version (or those of the PRODUCTs named) from its frozen source with today\'s templates, code and browser, in memory, and compares each file with the one kept when it was released. Writes nothing: published files never change; a difference is for you to look at (a new Chromium, a template fix).',
    ],
    options: ['content'],
    args: { min: 0, max: Infinity, expected: '' },
    env: ['BRIEF_PARSE_TIMEOUT', 'BRIEF_PAGES', 'PUPPETEER_EXECUTABLE_PATH'],
    exit: '0 every published file would be the same; 1 some would change (each listed), or a brief has problems',
  },
  help: {
    usage: 'help [COMMAND]',
    summary: "this list, or a command's help: brief help build is brief build --help",
    description: ['Prints the list of commands, or the help of one.'],
    options: [],
    args: { min: 0, max: 1, expected: 'at most one COMMAND, e.g. `brief help build`' },
    env: [],
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** The options a command accepts, its own and the common ones. */
export function optionsOf(command: string): OptionName[] {
  return [...(COMMANDS[command]?.options ?? []), ...COMMON_OPTIONS];
}
