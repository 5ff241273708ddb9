// remark plugin: superscripts written `^text^` (Pandoc's syntax): `119^th^`, `$552 million^a^`.
// A small micromark extension: a caret, one or more characters that are neither space nor caret
// (`\^` and `\ ` escape them), and a closing caret, on one line. The text inside is plain (escapes
// and character references apply). It becomes an mdast `superscript` node, <sup> in hast.
import type { Extension as FromMarkdownExtension, CompileContext, Token as MdastToken } from 'mdast-util-from-markdown';
import type { Root } from 'mdast';
import type { Code, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Plugin, Processor } from 'unified';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    superscript: 'superscript';
    superscriptMarker: 'superscriptMarker';
    superscriptString: 'superscriptString';
  }
}

declare module 'mdast' {
  interface Superscript extends Parent {
    type: 'superscript';
    children: PhrasingContent[];
  }
  interface PhrasingContentMap {
    superscript: Superscript;
  }
  interface RootContentMap {
    superscript: Superscript;
  }
}

const CARET = 94;
const BACKSLASH = 92;
const isSpace = (code: Code) => code === null || code < 0 || code === 32;

function tokenizeSuperscript(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const start: State = (code) => {
    effects.enter('superscript');
    effects.enter('superscriptMarker');
    effects.consume(code);
    effects.exit('superscriptMarker');
    effects.enter('superscriptString');
    effects.enter('chunkString', { contentType: 'string' });
    return inside;
  };
  const inside: State = (code) => {
    if (code === CARET) {
      if (size === 0) return nok(code);
      effects.exit('chunkString');
      effects.exit('superscriptString');
      effects.enter('superscriptMarker');
      effects.consume(code);
      effects.exit('superscriptMarker');
      effects.exit('superscript');
      return ok;
    }
    if (isSpace(code)) return nok(code);
    effects.consume(code);
    size++;
    return code === BACKSLASH ? escaped : inside;
  };
  const escaped: State = (code) => {
    if (code === CARET || code === 32 || code === BACKSLASH) {
      effects.consume(code);
      return inside;
    }
    return inside(code);
  };
  return start;
}

export function superscriptSyntax(): Extension {
  return { text: { [CARET]: { name: 'superscript', tokenize: tokenizeSuperscript } } };
}

export function superscriptFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      superscript(this: CompileContext, token: MdastToken) {
        this.enter({ type: 'superscript', children: [], data: { hName: 'sup' } }, token);
      },
    },
    exit: {
      superscript(this: CompileContext, token: MdastToken) {
        this.exit(token);
      },
    },
  };
}

export const remarkSuperscript: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(superscriptSyntax());
  (data.fromMarkdownExtensions ??= []).push(superscriptFromMarkdown());
};
