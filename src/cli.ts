// brief: the command line. `brief build [PRODUCT…] --format html,pdf,docx`, `brief check [PRODUCT…]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBriefs } from './publish/build.js';
import { checkFit } from './publish/fit-check.js';
import { writeDiff } from './publish/diff.js';
import { planProducts } from './publish/plan.js';
import { releaseProduct } from './publish/release.js';
import { buildSite } from './publish/site/build-site.js';
import { runPreview } from './preview/preview.js';
import { FORMATS, type Format } from './publish/output-paths.js';
import { BriefError, formatMessage } from './report.js';
import { UsageError } from './source/find-briefs.js';

const USAGE = `usage:
  brief build [PRODUCT...] [--format html,pdf,docx] [--content DIR] [--out DIR] [--allow-overflow]
  brief check [PRODUCT...] [--content DIR] [--no-fit]
  brief release PRODUCT [--date YYYY-MM-DD]
  brief diff PRODUCT [FROM TO]
  brief dist [--out DIR]

  build    check the briefs, then write output/<PRODUCT>/<VERSION>/<PRODUCT>.<format> for every
           published version and the draft of the next one; only what changed is rebuilt
  check    check the briefs (and every published version), lay each draft out to check it fits
           its two pages, and write nothing
  release  freeze the draft as the next published version (content/<PRODUCT>/versions/<n>/) and build it
  diff     redline (HTML) and tracked changes (DOCX) between two published versions (default: the last two)
  dist     the distribution site in <out>/site/
  --format  formats to build (default: html,pdf,docx)
  --allow-overflow
            build only: write the PDF of a brief that does not fit its two pages anyway, the
            overflow on further pages and every page stamped DRAFT; the overflow is still reported
            (as a warning). A working view, never a release: \`release\` always requires two pages
  --no-fit  check only: skip laying the drafts out (the fit check)
  --date    a release's date (default: the draft's date if later than the last version's, else today)
  --content the folder of briefs (default: content)
  --out     the output folder (default: output)
  --debug   on an internal error (a bug in brief, not in a brief), print its stack trace

exit codes: 0 done; 1 a brief has problems (each printed as file:line:col: error: …) or an
internal error; 2 a usage error`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'output' },
      date: { type: 'string' },
      'allow-overflow': { type: 'boolean', default: false },
      'no-fit': { type: 'boolean', default: false },
      port: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...products] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  // A draft's view only: a release (and everything published) must fit its two pages.
  if (values['allow-overflow'] && command !== 'build') throw new UsageError(`--allow-overflow is for \`brief build\` only, not \`${command}\`: a release must fit its two pages`);
  const contentDir = path.resolve(values.content);
  switch (command) {
    case 'check': {
      const plans = await planProducts(contentDir, products, process.cwd(), { warn: (l) => console.error(l) });
      // Drafts are laid out as their PDF would be; published versions fitted when released.
      const drafts = plans.flatMap((p) => p.targets).filter((t) => !t.published).map((t) => t.doc);
      const fit = values['no-fit'] ? undefined : await checkFit(drafts, process.cwd(), { warn: (l) => console.error(l) });
      if (fit && fit.problems.length > 0) throw new BriefError(fit.problems);
      for (const plan of plans) {
        for (const t of plan.targets) {
          const spare = fit?.spare.get(t.doc);
          const fits = spare === undefined ? '' : `, fits two pages with ${spare} line${spare === 1 ? '' : 's'} to spare`;
          console.log(`ok ${t.doc.product} version ${t.doc.meta.version}${t.published ? '' : ' (draft)'}${fits} (${path.relative(process.cwd(), t.doc.sourcePath)})`);
        }
      }
      return 0;
    }
    case 'build': {
      const formats = (values.format ?? FORMATS.join(',')).split(',').map((f) => f.trim()).filter(Boolean);
      const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
      if (unknown.length > 0) throw new UsageError(`unknown format ${unknown.join(', ')}: expected ${FORMATS.join(', ')}`);
      await buildBriefs({
        contentDir,
        outDir: path.resolve(values.out),
        products,
        formats: formats as Format[],
        allowOverflow: values['allow-overflow'],
        log: (l) => console.log(l),
        warn: (l) => console.error(l),
      });
      return 0;
    }
    case 'release': {
      if (products.length !== 1) throw new UsageError('release needs one PRODUCT, e.g. `brief release IF11415`');
      await releaseProduct({ contentDir, outDir: path.resolve(values.out), product: products[0]!, ...(values.date ? { date: values.date } : {}), log: (l) => console.log(l) });
      return 0;
    }
    case 'diff': {
      const [product, from, to] = products;
      if (!product || (from !== undefined && to === undefined)) throw new UsageError('diff needs PRODUCT and optionally FROM TO, e.g. `brief diff IF11415 1 2`');
      const num = (s: string | undefined) => (s === undefined ? undefined : /^\d+$/.test(s) ? Number(s) : (() => { throw new UsageError(`diff: \`${s}\` is not a version number`); })());
      const f = num(from);
      const t = num(to);
      await writeDiff({ contentDir, outDir: path.resolve(values.out), product, ...(f !== undefined ? { from: f } : {}), ...(t !== undefined ? { to: t } : {}), log: (l) => console.log(l) });
      return 0;
    }
    case 'dist': {
      await buildSite({ contentDir, outDir: path.resolve(values.out), log: (l) => console.log(l) });
      return 0;
    }
    case 'preview': {
      await runPreview({ contentDir, products, port: typeof values.port === 'string' ? values.port : undefined });
      return 0;
    }
    default:
      throw new UsageError(`unknown command \`${command}\`\n${USAGE}`);
  }
}

/** Anything that is neither a brief's problem nor a usage error is a bug: one line, the trace only with --debug. */
function internalError(err: unknown): never {
  const e = err instanceof Error ? err : new Error(String(err));
  if (process.argv.includes('--debug')) console.error(`brief: internal error: ${e.stack ?? e.message}`);
  else console.error(`brief: internal error: ${e.message.split('\n')[0]} (a bug in brief, not in your brief; please report it with the output of the same command run with --debug)`);
  process.exit(1);
}

process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

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
    internalError(err);
  },
);
