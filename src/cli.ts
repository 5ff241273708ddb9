// brief: the command line. What each command accepts and its help live in src/command-line/;
// this file runs the command.
import path from 'node:path';
import { COMMAND_NAMES } from './command-line/commands.js';
import { commandHelp, generalHelp } from './command-line/help.js';
import { parseCommandLine } from './command-line/parse.js';
import { FORMATS, type Format } from './publish/output-paths.js';
import { BriefError, formatMessage } from './report.js';
import { UsageError } from './source/find-briefs.js';

// Each command's code is imported when that command runs (a renderer pulls in puppeteer, docx,
// pdf-lib, resvg…): `brief check` or `brief help` does not load what only a build needs.

async function main(argv: string[]): Promise<number> {
  const { command, positionals: products, values, help } = parseCommandLine(argv);
  if (command === undefined) {
    if (help) {
      console.log(generalHelp());
      return 0;
    }
    console.error(generalHelp());
    return 2;
  }
  if (help) {
    console.log(commandHelp(command));
    return 0;
  }
  const contentDir = path.resolve(values.content ?? 'content');
  const outDir = path.resolve(values.out ?? 'output');
  switch (command) {
    case 'help': {
      const [about] = products;
      if (about === undefined) console.log(generalHelp());
      else if (COMMAND_NAMES.includes(about)) console.log(commandHelp(about));
      else throw new UsageError(`no command \`${about}\`: expected one of ${COMMAND_NAMES.join(', ')}`);
      return 0;
    }
    case 'new': {
      const product = products[0]!;
      const { newBrief } = await import('./source/new-brief.js');
      const written = newBrief({ contentDir, product, ...(values.title !== undefined ? { title: values.title } : {}) });
      console.log(`wrote ${path.relative(process.cwd(), written)}`);
      console.log(`next: replace the title, author and text, then \`brief check ${product}\` (or \`brief preview ${product}\`) and \`make pdf PRODUCT=${product}\``);
      return 0;
    }
    case 'check': {
      (await import('./model/parse-in-worker.js')).startParseWorker();
      const { planProducts } = await import('./publish/plan.js');
      const plans = await planProducts(contentDir, products, process.cwd(), { warn: (l) => console.error(l) });
      // Drafts are laid out as their PDF would be; published versions fitted when released.
      const drafts = plans.flatMap((p) => p.targets).filter((t) => !t.published).map((t) => t.doc);
      const fit = values['no-fit'] ? undefined : await (await import('./publish/fit-check.js')).checkFit(drafts, process.cwd(), { warn: (l) => console.error(l), short: true });
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
      const allowOverflow = values['allow-overflow'] ?? false;
      // --shard I/N: this run's part of the catalogue (publish/shard.ts); a part may be empty.
      let selected = products;
      if (values.shard !== undefined) {
        const { parseShard, shardProducts } = await import('./publish/shard.js');
        const shard = parseShard(values.shard);
        selected = shardProducts(contentDir, products, shard);
        console.log(`shard ${shard.index}/${shard.count}: ${selected.length === 0 ? 'no products' : selected.join(' ')}`);
        if (selected.length === 0) return 0;
      }
      // Everything already built from these sources: said without parsing or loading a renderer.
      const { upToDateLines } = await import('./publish/up-to-date.js');
      const current = upToDateLines({ contentDir, outDir, products: selected, formats: formats as Format[], allowOverflow });
      if (current) {
        for (const line of current) console.log(line);
        return 0;
      }
      (await import('./model/parse-in-worker.js')).startParseWorker();
      const { buildBriefs } = await import('./publish/build.js');
      await buildBriefs({
        contentDir,
        outDir,
        products: selected,
        formats: formats as Format[],
        allowOverflow,
        log: (l) => console.log(l),
        warn: (l) => console.error(l),
      });
      return 0;
    }
    case 'release': {
      const { releaseProduct } = await import('./publish/release.js');
      await releaseProduct({ contentDir, outDir, product: products[0]!, ...(values.date ? { date: values.date } : {}), log: (l) => console.log(l) });
      return 0;
    }
    case 'diff': {
      const [product, from, to] = products;
      if (!product || (from !== undefined && to === undefined)) throw new UsageError('diff needs PRODUCT and optionally FROM TO, e.g. `brief diff IF11415 1 2`');
      const num = (s: string | undefined) => (s === undefined ? undefined : /^\d+$/.test(s) ? Number(s) : (() => { throw new UsageError(`diff: \`${s}\` is not a version number`); })());
      const f = num(from);
      const t = num(to);
      const { writeDiff } = await import('./publish/diff.js');
      await writeDiff({ contentDir, outDir, product, ...(f !== undefined ? { from: f } : {}), ...(t !== undefined ? { to: t } : {}), log: (l) => console.log(l) });
      return 0;
    }
    case 'dist': {
      const { buildSite } = await import('./publish/site/build-site.js');
      await buildSite({ contentDir, outDir, log: (l) => console.log(l), ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}) });
      return 0;
    }
    case 'verify': {
      const { verifyPublished } = await import('./publish/verify.js');
      const r = await verifyPublished({ contentDir, products, log: (l) => console.log(l) });
      console.log(
        r.changed.length === 0
          ? `all ${r.checked} published file${r.checked === 1 ? '' : 's'} would be the same with today's toolchain`
          : `${r.changed.length} of ${r.checked} published files would change with today's toolchain (the published files stay as they are)`,
      );
      return r.changed.length === 0 ? 0 : 1;
    }
    case 'preview': {
      const { runPreview } = await import('./preview/preview.js');
      await runPreview({ contentDir, products, port: typeof values.port === 'string' ? values.port : undefined });
      return 0;
    }
    default:
      throw new UsageError(`unknown command \`${command}\`; see \`brief help\``);
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

/**
 * Exit once stdout and stderr are written out: when they are pipes (make, CI, a parent process)
 * Node may still hold lines that process.exit() alone would drop.
 */
function exit(code: number): void {
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (err: unknown) => {
    if (err instanceof BriefError) {
      for (const m of err.messages) console.error(formatMessage(m));
      const problems = `${err.messages.length} problem${err.messages.length === 1 ? '' : 's'}`;
      const briefs = new Set(err.messages.map((m) => m.file)).size;
      console.error(
        err.written === undefined
          ? `${problems}; nothing was written`
          : `${problems} in ${briefs} brief${briefs === 1 ? '' : 's'}, not written; ${err.written} file${err.written === 1 ? '' : 's'} of the other briefs written`,
      );
      exit(1);
      return;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`brief: ${(err as Error).message}`);
      exit(2);
      return;
    }
    internalError(err);
  },
);
