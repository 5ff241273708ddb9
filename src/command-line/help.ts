// The help text, written from the command table: `brief help`, `brief <command> --help`.
import { COMMAND_NAMES, COMMANDS, ENV, GENERAL_EXIT, OPTIONS, optionsOf, type EnvName, type OptionName, type OptionSpec } from './commands.js';

const WIDTH = 100;

/** Wrap `text` to WIDTH columns, every line after the first indented by `indent`. */
function wrap(text: string, indent: number, firstWidth = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  let width = firstWidth;
  // A bracketed group of a usage line (`[--out DIR]`) is one word: never broken inside.
  for (const word of text.match(/\[[^\]]*\]|\S+/g) ?? []) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
      width = WIDTH - indent;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

/** `label` in a column of `column` characters, then `text` wrapped beside it. */
function entry(label: string, text: string, column: number): string {
  const head = `  ${label}`;
  const pad = head.length + 2 > column ? `${head}\n${' '.repeat(column)}` : head.padEnd(column);
  return pad + wrap(text, column, WIDTH - column);
}

function optionLabel(name: OptionName): string {
  const spec: OptionSpec = OPTIONS[name];
  const long = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

function envSection(names: EnvName[]): string[] {
  return names.length === 0 ? [] : ['', 'environment:', ...names.map((n) => entry(n, ENV[n], 30))];
}

export function generalHelp(): string {
  const allEnv = Object.keys(ENV) as EnvName[];
  return [
    'brief: CRS In Focus briefs, from Markdown with front matter to HTML, PDF and DOCX',
    '',
    'usage: brief <command> [options]',
    '',
    'commands:',
    ...COMMAND_NAMES.map((c) => entry(c, COMMANDS[c]!.summary, 12)),
    '',
    '`brief <command> --help` (or `brief help <command>`) lists its options. Every command takes',
    '--debug (on an internal error, print its stack trace too) and --help (-h).',
    ...envSection(allEnv),
    '',
    wrap(`exit codes: ${GENERAL_EXIT}`, 2),
    'make: `make` lists the make targets that run these commands.',
  ].join('\n');
}

export function commandHelp(command: string): string {
  const spec = COMMANDS[command]!;
  const options = optionsOf(command);
  return [
    wrap(`usage: brief ${spec.usage}`, 7),
    '',
    ...spec.description.flatMap((p, i) => (i > 0 ? ['', wrap(p, 0)] : [wrap(p, 0)])),
    '',
    'options:',
    ...options.map((o) => entry(optionLabel(o), OPTIONS[o].help, 26)),
    ...envSection(spec.env),
    '',
    wrap(`exit codes: ${spec.exit ?? GENERAL_EXIT}`, 2),
    ...(spec.make ? [wrap(`make: ${spec.make} (make exits 2 whenever the command fails; run node bin/brief.js ${command} … for its own exit code)`, 2)] : []),
  ].join('\n');
}
