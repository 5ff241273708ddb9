// brief: the command line. `brief build [PRODUCT…] --format html,pdf,docx`, `brief check [PRODUCT…]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDocuments, buildBriefs } from './publish/build.js';
import { FORMATS, type Format } from './publish/output-paths.js';
import { BriefError, formatMessage } from './report.js';
import { UsageError } from './source/find-briefs.js';

const USAGE = `usage:
  brief build [PRODUCT...] [--format html,pdf,docx] [--content DIR] [--out DIR]
  brief check [PRODUCT...] [--content DIR]

  build   check the briefs, then write output/<PRODUCT>/<VERSION>/<PRODUCT>.<format>
  check   check the briefs and write nothing
  --format  formats to build (default: html,pdf,docx)
  --content the folder of briefs (default: content)
  --out     the output folder (default: output)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'output' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...products] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const contentDir = path.resolve(values.content);
  switch (command) {
    case 'check': {
      const docs = await loadDocuments(contentDir, products);
      for (const d of docs) console.log(`ok ${d.product} version ${d.meta.version} (${path.relative(process.cwd(), d.sourcePath)})`);
      return 0;
    }
    case 'build': {
      const formats = (values.format ?? FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean);
      const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
      if (unknown.length > 0) throw new UsageError(`unknown format ${unknown.join(', ')}: expected ${FORMATS.join(', ')}`);
      await buildBriefs({ contentDir, outDir: path.resolve(values.out), products, formats: formats as Format[], log: (l) => console.log(l) });
      return 0;
    }
    default:
      throw new UsageError(`unknown command \`${command}\`\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BriefError) {
      for (const m of err.messages) console.error(formatMessage(m));
      console.error(`${err.messages.length} problem${err.messages.length === 1 ? '' : 's'}; nothing was written`);
      process.exit(1);
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`brief: ${(err as Error).message}`);
      process.exit(2);
    }
    console.error(`brief: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
