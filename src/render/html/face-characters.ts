// Which inlined font face can set which characters of an HTML file: the stylesheets' cascade, read
// statically, so that each face is cut down to the text set in it (the title's face to the title)
// rather than to the whole document's characters.
//
// It errs on the side of keeping: a property's value on an element is every value that a matching
// declaration gives it (every medium's, whatever the specificity), plus the inherited (or, for the
// user agent's bold and italic elements, the default) value wherever no declaration that always
// applies sets it; a selector it cannot read matches every element. A character too many costs a
// glyph; a character too few would show in another font.
import postcss, { type AtRule, type Declaration, type Rule } from 'postcss';
import { matches } from 'hast-util-select';
import type { Element, Root, RootContent } from 'hast';

/** An inlined @font-face: the family, weight and style it serves, and its unicode-range if any. */
export interface FaceRule {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  ranges?: string;
}

type Prop = 'family' | 'weight' | 'style';
interface Decl {
  prop: Prop | 'content';
  value: string;
  /** Inside an @media (or similar) block, or on a selector with a state: it may not apply. */
  conditional: boolean;
}
interface FontRule {
  selectors: string[];
  decls: Decl[];
}
/** The possible values of the three properties on an element. */
interface State {
  families: Set<string>;
  weights: Set<number>;
  styles: Set<'normal' | 'italic'>;
}

const lower = (s: string) => s.toLowerCase();

/** The user agent's bold and italic elements (HTML's rendering section), where no author rule says otherwise. */
const UA: Record<string, Partial<Record<Prop, string>>> = {
  b: { weight: 'bolder' },
  strong: { weight: 'bolder' },
  th: { weight: 'bold' },
  h1: { weight: 'bold' },
  h2: { weight: 'bold' },
  h3: { weight: 'bold' },
  h4: { weight: 'bold' },
  h5: { weight: 'bold' },
  h6: { weight: 'bold' },
  em: { style: 'italic' },
  i: { style: 'italic' },
  cite: { style: 'italic' },
  dfn: { style: 'italic' },
  var: { style: 'italic' },
  address: { style: 'italic' },
};

/** A list item's marker: the default bullets, or a counter with its separators. */
const MARKERS = '•◦▪0123456789.,:;()-–— \u00a0';

/** The characters a `content` value can print: its strings, and digits for a counter. */
function contentText(value: string): string {
  let text = /counters?\(/.test(value) ? MARKERS : '';
  for (const m of value.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) text += unescapeCss(m[1] ?? m[2] ?? '');
  return text;
}

function unescapeCss(s: string): string {
  return s.replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\\(.)/g, '$1');
}

const STYLE_WORDS = new Set(['italic', 'oblique', 'normal']);
const WEIGHT_WORDS = /^(bold|bolder|lighter|[1-9]00)$/;

/** `font` shorthand → family, weight, style (the shorthand resets what it leaves out to normal). */
function shorthand(value: string): [Prop, string][] {
  const tokens = value.trim().split(/\s+/);
  let weight = 'normal';
  let style = 'normal';
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = lower(tokens[i]!);
    if (STYLE_WORDS.has(t)) style = t;
    else if (WEIGHT_WORDS.test(t)) weight = t;
    else if (t === 'normal' || t === 'small-caps' || /condensed|expanded/.test(t)) continue;
    else break;
  }
  // tokens[i] is the size (with its /line-height, possibly spaced out); the family list follows.
  let rest = tokens.slice(i + 1);
  if (rest[0] === '/') rest = rest.slice(2);
  else if (rest[0]?.startsWith('/')) rest = rest.slice(1);
  return [
    ['style', style],
    ['weight', weight],
    ['family', rest.join(' ')],
  ];
}

/** var(--x) replaced by each value --x is given anywhere (a few alternatives at most, in practice). */
function resolve(value: string, custom: Map<string, string[]>, depth = 0): string[] {
  const m = /var\(\s*(--[\w-]+)\s*(?:,([^()]*))?\)/.exec(value);
  if (!m || depth > 8) return [value];
  const options = custom.get(m[1]!) ?? (m[2] !== undefined ? [m[2].trim()] : []);
  return options.flatMap((o) => resolve(value.slice(0, m.index) + o + value.slice(m.index + m[0].length), custom, depth + 1)).slice(0, 32);
}

function fontDecls(decl: Declaration, custom: Map<string, string[]>, conditional: boolean): Decl[] {
  const prop = lower(decl.prop);
  const out: Decl[] = [];
  for (const value of resolve(decl.value, custom)) {
    if (prop === 'font') for (const [p, v] of shorthand(value)) out.push({ prop: p, value: v, conditional });
    else if (prop === 'font-family') out.push({ prop: 'family', value, conditional });
    else if (prop === 'font-weight') out.push({ prop: 'weight', value, conditional });
    else if (prop === 'font-style') out.push({ prop: 'style', value, conditional });
    else if (prop === 'content') out.push({ prop: 'content', value, conditional });
  }
  return out;
}

/** The font rules of the stylesheets, and every value each custom property is given. */
function readStylesheets(css: string[]): { rules: FontRule[]; custom: Map<string, string[]> } {
  const roots = css.map((c) => postcss.parse(c));
  const custom = new Map<string, string[]>();
  for (const root of roots) {
    root.walkDecls(/^--/, (d) => {
      const list = custom.get(d.prop) ?? [];
      if (!list.includes(d.value.trim())) list.push(d.value.trim());
      custom.set(d.prop, list);
    });
  }
  const rules: FontRule[] = [];
  for (const root of roots) {
    root.walkRules((rule: Rule) => {
      let conditional = false;
      for (let p = rule.parent; p && p.type !== 'root'; p = p.parent) {
        if (p.type === 'atrule') {
          const name = lower((p as AtRule).name);
          if (name === 'font-face' || name === 'page' || name === 'keyframes') return;
          conditional = true;
        }
      }
      const decls: Decl[] = [];
      rule.each((node) => {
        if (node.type === 'decl') decls.push(...fontDecls(node, custom, conditional));
      });
      if (decls.length) rules.push({ selectors: rule.selectors, decls });
    });
  }
  return { rules, custom };
}

/** The text of the document's <style> elements (the HTML's own and any inside an SVG). */
function stylesheets(node: Root | RootContent, out: string[] = []): string[] {
  if (node.type === 'element' && node.tagName === 'style') out.push(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
  else if ('children' in node) for (const child of node.children) stylesheets(child, out);
  return out;
}

/** A selector as hast-util-select can match it: its pseudo-elements dropped (they inherit from the element). */
function elementSelector(selector: string): { selector: string; stateful: boolean } {
  const bare = selector.replace(/::?(before|after|marker|first-line|first-letter|placeholder|selection)\b/g, '');
  return { selector: bare.trim() || '*', stateful: /:(hover|focus|active|visited|target|checked|focus-within|focus-visible)\b/.test(bare) };
}

function selectorMatches(selector: string, element: Element): boolean {
  try {
    return matches(selector, element);
  } catch {
    return true; // a selector this cannot read may match anything
  }
}

/** CSS's numeric weight for a keyword, relative ones from the parent's. */
function weightOf(value: string, parent: number): number | undefined {
  const v = lower(value.trim());
  if (v === 'normal') return 400;
  if (v === 'bold') return 700;
  if (v === 'bolder') return parent < 350 ? 400 : parent < 550 ? 700 : 900;
  if (v === 'lighter') return parent < 550 ? 100 : parent < 750 ? 400 : 700;
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : undefined;
}

function styleOf(value: string): 'normal' | 'italic' | undefined {
  const v = lower(value.trim());
  if (v === 'normal') return 'normal';
  if (v.startsWith('italic') || v.startsWith('oblique')) return 'italic';
  return undefined;
}

/** The family names of a stack, unquoted, lower case. */
function families(stack: string): string[] {
  return stack
    .split(',')
    .map((f) => lower(f.trim().replace(/^(['"])(.*)\1$/, '$2')))
    .filter(Boolean);
}

/** Whether a code point is inside a CSS unicode-range list (`U+0000-00FF, U+0131, …`). */
export function inRanges(cp: number, ranges: string): boolean {
  return ranges.split(',').some((part) => {
    const m = /U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?/.exec(part.trim());
    if (!m) return false;
    const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : m[1]!.includes('?') ? parseInt(m[1]!.replace(/\?/g, 'F'), 16) : lo;
    return cp >= lo && cp <= hi;
  });
}

/** CSS Fonts' matching of a weight and style among a family's faces (style first, then weight). */
function matchFace(faces: FaceRule[], weight: number, style: 'normal' | 'italic'): { weight: number; style: string } | undefined {
  const styled = faces.filter((f) => f.style === style);
  const pool = styled.length ? styled : faces;
  const weights = [...new Set(pool.map((f) => f.weight))].sort((a, b) => a - b);
  if (!weights.length) return undefined;
  const below = weights.filter((w) => w <= weight).reverse();
  const above = weights.filter((w) => w > weight);
  let pick: number | undefined;
  if (weights.includes(weight)) pick = weight;
  else if (weight >= 400 && weight <= 500) pick = above.find((w) => w <= 500) ?? below[0] ?? above[0];
  else if (weight < 400) pick = below[0] ?? above[0];
  else pick = above[0] ?? below[0];
  return { weight: pick!, style: pool[0]!.style };
}

/** Whether a property's values include one that takes the parent's value. */
const inherits = (values: string[]) => values.some((v) => ['inherit', 'unset'].includes(lower(v.trim())));

/**
 * For each face (by index in `faces`), the characters some element's text may be set in with it.
 * `tree` is the document without its fonts' data; its <style> elements are the stylesheets read.
 */
export function faceCharacters(tree: Root, faces: FaceRule[]): Set<number>[] {
  const sheets = readStylesheets(stylesheets(tree));
  const custom = sheets.custom;
  const rules = sheets.rules.map((r) => ({ ...r, parsed: r.selectors.map(elementSelector) }));
  // Each family's faces, with their indexes in `faces`.
  const byFamily = new Map<string, { face: FaceRule; index: number }[]>();
  faces.forEach((face, index) => byFamily.set(lower(face.family), [...(byFamily.get(lower(face.family)) ?? []), { face, index }]));
  const out = faces.map(() => new Set<number>());
  // One lookup per (stack, weight, style, character): the face indexes it lands on.
  const memo = new Map<string, number[]>();

  const landing = (stack: string, weight: number, style: 'normal' | 'italic', cp: number): number[] => {
    const key = `${stack}|${weight}|${style}|${cp}`;
    let hit = memo.get(key);
    if (hit) return hit;
    hit = [];
    for (const name of families(stack)) {
      const own = byFamily.get(name);
      if (!own) continue;
      const face = matchFace(own.map((o) => o.face), weight, style);
      const covering = own.filter(({ face: f }) => face && f.weight === face.weight && f.style === face.style && (f.ranges === undefined || inRanges(cp, f.ranges)));
      if (covering.length) {
        hit = covering.map((o) => o.index);
        break;
      }
    }
    memo.set(key, hit);
    return hit;
  };

  const setIn = (state: State, text: string) => {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20) continue;
      for (const stack of state.families) for (const weight of state.weights) for (const style of state.styles) for (const i of landing(stack, weight, style, cp)) out[i]!.add(cp);
    }
  };

  const visit = (node: Root | RootContent, state: State) => {
    if (node.type === 'text') return setIn(state, node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && ['style', 'script', 'title', 'desc', 'head', 'template'].includes(node.tagName)) return;
    const next = node.type === 'element' ? elementState(node, state) : state;
    for (const child of node.children) visit(child, next);
  };

  const elementState = (el: Element, parent: State): State => {
    const found: Record<Prop, string[]> = { family: [], weight: [], style: [] };
    // What the element shows besides its text: generated content, a list item's marker.
    const shown: string[] = el.tagName === 'li' ? [MARKERS] : [];
    const always: Record<Prop, boolean> = { family: false, weight: false, style: false };
    const take = (d: Decl, conditional: boolean) => {
      if (d.prop === 'content') return void shown.push(contentText(d.value));
      found[d.prop].push(d.value);
      if (!conditional) always[d.prop] = true;
    };
    for (const rule of rules) {
      const hits = rule.parsed.filter((s) => selectorMatches(s.selector, el));
      if (!hits.length) continue;
      const stateful = hits.every((s) => s.stateful);
      for (const d of rule.decls) take(d, d.conditional || stateful);
    }
    // An SVG element's presentation attributes and any style attribute are declarations too.
    const attr = (name: string) => (typeof el.properties?.[name] === 'string' ? (el.properties[name] as string) : undefined);
    const presentation: [Prop, string | undefined][] = [
      ['family', attr('fontFamily')],
      ['weight', attr('fontWeight')],
      ['style', attr('fontStyle')],
    ];
    for (const [prop, value] of presentation) if (value !== undefined) take({ prop, value, conditional: false }, false);
    const inline = attr('style');
    if (inline) {
      try {
        postcss.parse(`x{${inline}}`).walkDecls((d) => fontDecls(d, custom, false).forEach((x) => take(x, false)));
      } catch {
        // an unreadable style attribute sets nothing a browser would read either
      }
    }
    const ua = UA[el.tagName];
    for (const prop of ['weight', 'style'] as const) {
      const v = ua?.[prop];
      if (v && !always[prop]) {
        found[prop].push(v);
        always[prop] = true;
      }
    }

    // Each property: the values given, and the parent's wherever none always applies, one takes
    // the parent's (inherit), or none could be read.
    const given = (prop: Prop) => found[prop].filter((v) => !inherits([v]));
    const state: State = {
      families: new Set(given('family').map((v) => v.trim())),
      weights: new Set(given('weight').flatMap((v) => [...parent.weights].map((p) => weightOf(v, p)).filter((w): w is number => w !== undefined))),
      styles: new Set(given('style').map(styleOf).filter((s): s is 'normal' | 'italic' => s !== undefined)),
    };
    const keepParent = (prop: Prop, size: number) => !always[prop] || inherits(found[prop]) || size === 0;
    if (keepParent('family', state.families.size)) for (const f of parent.families) state.families.add(f);
    if (keepParent('weight', state.weights.size)) for (const w of parent.weights) state.weights.add(w);
    if (keepParent('style', state.styles.size)) for (const s of parent.styles) state.styles.add(s);
    for (const text of shown) setIn(state, text);
    return state;
  };

  // The initial values: the browser's default font (none of the inlined ones), normal weight and style.
  visit(tree, { families: new Set(['serif']), weights: new Set([400]), styles: new Set(['normal']) });
  return out;
}
