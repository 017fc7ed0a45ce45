// The message-key house rule (`npm run house`): every wording key is defined in every language of
// its catalog, read somewhere in the product, and every key the product looks up is defined.
// Reads the sources as syntax (TypeScript's parser), so it needs no import of the packages.
// `tsx tools/message-keys.ts [repository root]`; exit code 1 with one line per problem.
// tools/dead-code.int.test.ts breaks each rule in a copy of the repository and expects a failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Where a catalog's table for one language is: an object literal bound to `name` in `file`. */
interface Table {
  readonly file: string;
  readonly name: string;
}

interface Catalog {
  readonly name: string;
  /** English first: the other languages must have exactly its keys. */
  readonly languages: Readonly<Record<string, Table>>;
  /** Folders (or files) of product code that read the keys; tests are not product code. */
  readonly readers: readonly string[];
  /** Folders left out of `readers` (another catalog's territory). */
  readonly notReaders?: readonly string[];
  /** 'string': keys are passed as strings, t('home.title'); 'property': read as text.title. */
  readonly access: 'string' | 'property';
  /** Calls whose argument at `arg` must be a defined key: `t('x')`, `p.t('x')`, `exerciseText(l, 'x')`, `formatMessage('x')`. */
  readonly lookups: readonly { readonly callee: string; readonly arg: number }[];
}

const WEB = 'packages/web/src';
const CATALOGS: readonly Catalog[] = [
  {
    name: 'app',
    languages: {
      en: { file: `${WEB}/i18n/messages-en.ts`, name: 'en' },
      es: { file: `${WEB}/i18n/messages-es.ts`, name: 'es' },
      zh: { file: `${WEB}/i18n/messages-zh.ts`, name: 'zh' },
    },
    readers: [WEB],
    notReaders: [`${WEB}/portal`],
    access: 'string',
    lookups: [{ callee: 't', arg: 0 }],
  },
  {
    name: 'portal',
    languages: { en: { file: `${WEB}/portal/strings.ts`, name: 'PORTAL_EN' } },
    readers: [`${WEB}/portal`],
    access: 'string',
    lookups: [{ callee: 't', arg: 0 }],
  },
  {
    name: 'exercise',
    languages: {
      en: { file: 'packages/exercise/src/messages.ts', name: 'MESSAGES_EN' },
      es: { file: `${WEB}/i18n/exercise-messages-es.ts`, name: 'EXERCISE_ES' },
      zh: { file: `${WEB}/i18n/exercise-messages-zh.ts`, name: 'EXERCISE_ZH' },
    },
    readers: ['packages/exercise/src', WEB, 'packages/cli/src', 'packages/server/src'],
    access: 'string',
    lookups: [
      { callee: 'exerciseText', arg: 1 },
      { callee: 'formatMessage', arg: 0 },
    ],
  },
  {
    name: 'clinic',
    languages: {
      en: { file: `${WEB}/sync/clinic-panel.ts`, name: 'CLINIC_TEXT_EN' },
      es: { file: `${WEB}/i18n/clinic-text.ts`, name: 'es' },
      zh: { file: `${WEB}/i18n/clinic-text.ts`, name: 'zh' },
    },
    readers: [`${WEB}/sync`, `${WEB}/screens/clinic.ts`],
    access: 'property',
    lookups: [],
  },
];

const parsed = new Map<string, ts.SourceFile>();
function parse(root: string, file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, sf);
  }
  return sf;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e))
    e = e.expression;
  return e;
}

/** The object literal bound to `name` at the top level of `sf`, or null. */
function tableNode(sf: ts.SourceFile, name: string): ts.ObjectLiteralExpression | null {
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) {
        const init = unwrap(d.initializer);
        if (ts.isObjectLiteralExpression(init)) return init;
      }
    }
  }
  return null;
}

/** Keys of a table and the line each is defined on. */
function tableKeys(root: string, t: Table): Map<string, number> {
  const sf = parse(root, t.file);
  const node = tableNode(sf, t.name);
  if (!node) throw new Error(`${t.file}: no object literal named ${t.name}`);
  const keys = new Map<string, number>();
  for (const p of node.properties) {
    if (!ts.isPropertyAssignment(p))
      throw new Error(`${t.file}: ${t.name} may hold only plain key: 'text' pairs`);
    const n = p.name;
    const key = ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : null;
    if (key === null) throw new Error(`${t.file}: ${t.name} has a computed key`);
    keys.set(key, sf.getLineAndCharacterOfPosition(p.getStart()).line + 1);
  }
  return keys;
}

function sourceFiles(root: string, path: string): string[] {
  const full = join(root, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.test-util.ts'))
    .map((f) => join(path, f));
}

/** A template `a.${x}.b` as a pattern matching any key it can produce. */
function templatePattern(t: ts.TemplateExpression): RegExp | null {
  const parts = [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
  if (parts.join('').length < 3) return null; // `${a}${b}`: could be anything; proves nothing
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${parts.map(esc).join('.+')}$`);
}

interface Reads {
  readonly strings: Set<string>;
  readonly patterns: RegExp[];
  readonly properties: Set<string>;
  /** Keys looked up by a call, with where. */
  readonly lookups: { key: string | RegExp; at: string }[];
}

function calleeName(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

/** Everything the readers of `catalog` could use as a key, skipping the tables themselves. */
function readsOf(root: string, catalog: Catalog, tables: ReadonlySet<ts.Node>): Reads {
  const reads: Reads = { strings: new Set(), patterns: [], properties: new Set(), lookups: [] };
  const files = new Set(catalog.readers.flatMap((r) => sourceFiles(root, r)));
  for (const r of catalog.notReaders ?? []) for (const f of sourceFiles(root, r)) files.delete(f);
  for (const file of files) {
    const sf = parse(root, file);
    const visit = (n: ts.Node): void => {
      if (tables.has(n)) return;
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) reads.strings.add(n.text);
      else if (ts.isTemplateExpression(n)) {
        const p = templatePattern(n);
        if (p) reads.patterns.push(p);
      } else if (ts.isPropertyAccessExpression(n)) reads.properties.add(n.name.text);
      else if (ts.isCallExpression(n)) {
        const name = calleeName(n.expression);
        for (const l of catalog.lookups) {
          const arg = n.arguments[l.arg];
          const a = arg && unwrap(arg);
          if (name !== l.callee || !a) continue;
          const at = `${file}:${sf.getLineAndCharacterOfPosition(a.getStart()).line + 1}`;
          if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))
            reads.lookups.push({ key: a.text, at });
          else if (ts.isTemplateExpression(a)) {
            const p = templatePattern(a);
            if (p) reads.lookups.push({ key: p, at });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return reads;
}

/** The problems found in the repository at `root`, one readable line each. */
export function messageKeyProblems(root: string): string[] {
  parsed.clear();
  const problems: string[] = [];
  for (const c of CATALOGS) {
    const [enLang, ...others] = Object.keys(c.languages);
    const en = c.languages[enLang!]!;
    const enKeys = tableKeys(root, en);
    const tables = new Set<ts.Node>();
    for (const t of Object.values(c.languages)) tables.add(tableNode(parse(root, t.file), t.name)!);
    for (const lang of others) {
      const t = c.languages[lang]!;
      const keys = tableKeys(root, t);
      for (const k of enKeys.keys())
        if (!keys.has(k)) problems.push(`${c.name}: '${k}' has no ${lang} wording (${t.file}, ${t.name})`);
      for (const [k, line] of keys)
        if (!enKeys.has(k))
          problems.push(`${c.name}: '${k}' is in ${lang} only (${t.file}:${line}), not in ${enLang}`);
    }
    const reads = readsOf(root, c, tables);
    for (const [k, line] of enKeys) {
      const used =
        c.access === 'property'
          ? reads.properties.has(k) || reads.strings.has(k)
          : reads.strings.has(k) || reads.patterns.some((p) => p.test(k));
      if (!used) problems.push(`${c.name}: '${k}' is defined (${en.file}:${line}) but never used`);
    }
    for (const l of reads.lookups) {
      const known =
        typeof l.key === 'string'
          ? enKeys.has(l.key)
          : [...enKeys.keys()].some((k) => (l.key as RegExp).test(k));
      if (!known)
        problems.push(
          `${c.name}: ${l.at} looks up '${typeof l.key === 'string' ? l.key : l.key.source}', which no table defines`,
        );
    }
  }
  return problems;
}

if (process.argv[1] && relative(process.argv[1], new URL(import.meta.url).pathname) === '') {
  const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
  const problems = messageKeyProblems(root);
  for (const p of problems) console.error(`message-keys: ${p}`);
  if (problems.length > 0) {
    console.error(`message-keys: ${problems.length} problem(s)`);
    process.exitCode = 1;
  }
}
