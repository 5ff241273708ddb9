// Reading the command line against the command table: each command takes its own options and no
// other, so a mistyped option or one meant for another command is a usage error that names it,
// instead of being silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../source/find-briefs.js';
import { COMMAND_NAMES, COMMANDS, OPTIONS, optionsOf, type OptionName, type OptionSpec, type OptionValues } from './commands.js';

export interface CommandLine {
  /** Undefined when none was given. */
  command?: string;
  positionals: string[];
  values: OptionValues;
  /** --help (-h) was given: print the command's help, whatever else is on the line. */
  help: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parseOptions(names: OptionName[]): Options {
  const options: Options = {};
  for (const name of names) {
    const spec: OptionSpec = OPTIONS[name];
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  return options;
}

const seeHelp = (command: string) => `see \`brief ${command} --help\``;

export function parseCommandLine(argv: string[]): CommandLine {
  // First pass, lenient, over every option any command takes: which command is it (an option's
  // value must not be taken for one), and which options were given.
  const loose = parseArgs({ args: argv, options: parseOptions(Object.keys(OPTIONS) as OptionName[]), allowPositionals: true, strict: false, tokens: true });
  const command = loose.positionals[0];
  const given = loose.tokens.filter((t) => t.kind === 'option');
  const help = given.some((t) => t.name === 'help');
  if (command === undefined) {
    const stray = given.find((t) => t.name !== 'help' && t.name !== 'debug');
    if (stray && !help) throw new UsageError(`no command before \`${stray.rawName}\`: expected \`brief <command> [options]\`; see \`brief help\``);
    return { positionals: [], values: {}, help };
  }
  if (!COMMAND_NAMES.includes(command)) throw new UsageError(`unknown command \`${command}\`: expected one of ${COMMAND_NAMES.join(', ')}; see \`brief help\``);
  if (help) return { command, positionals: loose.positionals.slice(1), values: {}, help };

  const accepted = optionsOf(command);
  for (const t of given) {
    const name = t.name as OptionName;
    if (accepted.includes(name)) continue;
    const owners = COMMAND_NAMES.filter((c) => COMMANDS[c]!.options.includes(name));
    if (owners.length === 0) throw new UsageError(`unknown option \`${t.rawName}\` for \`brief ${command}\`; ${seeHelp(command)}`);
    const because = (OPTIONS[name] as OptionSpec).refusedBecause;
    throw new UsageError(`${t.rawName} is for ${owners.map((c) => `\`brief ${c}\``).join(', ')} only, not \`brief ${command}\`${because ? `: ${because}` : ''}; ${seeHelp(command)}`);
  }

  // Second pass, strict, with the command's own options: missing values, values given to flags.
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseOptions(accepted), allowPositionals: true, strict: true });
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${(err as Error).message}; ${seeHelp(command)}`);
    throw err;
  }
  const positionals = parsed.positionals.slice(1);
  const { args } = COMMANDS[command]!;
  if (positionals.length < args.min || positionals.length > args.max) {
    throw new UsageError(`\`brief ${command}\` takes ${args.expected}, not ${positionals.length === 0 ? 'none' : positionals.map((p) => `\`${p}\``).join(' ')}; ${seeHelp(command)}`);
  }
  // The option types in the table are the ones parseArgs was given, so the values have them.
  return { command, positionals, values: parsed.values as OptionValues, help: false };
}
