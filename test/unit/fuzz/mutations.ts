// Deterministic mutations of manifest text for the fuzz test: line edits, indentation, scalars
// replaced with values of other types, truncation, document markers, random bytes.

/** mulberry32: small, fast, good enough to drive mutations reproducibly from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

function int(rnd: Random, n: number): number {
  return Math.floor(rnd() * n);
}

function pick<T>(rnd: Random, xs: readonly T[]): T {
  return xs[int(rnd, xs.length)]!;
}

/** Values a field may be given by mistake (or on purpose): every YAML type, templates, edge numbers. */
export const REPLACEMENTS: readonly string[] = [
  '0',
  '-1',
  '1',
  '2147483648',
  '99999999999999999999999',
  '1e309',
  '-0.0',
  '1.5',
  '0x1F',
  '0755',
  '.inf',
  '-.inf',
  '.nan',
  '""',
  "''",
  '"x"',
  '"0"',
  '"50%"',
  '0%',
  '101%',
  '-5%',
  '"-5%"',
  'yes',
  'off',
  'true',
  'null',
  '~',
  '',
  '{}',
  '{a: 1}',
  '[]',
  '[1, "a", null, {b: []}]',
  '\n  nested:\n    deeper: [1, 2]',
  '\n  - a\n  - {b: c}',
  '\n- x',
  '{{args.x}}',
  '"{{args.service-name}}"',
  '"{{args.missing}}"',
  '"{{ args.x }}"',
  '"{{templates.baseline.podTemplateHash}}"',
  '1d',
  '30s',
  '-5s',
  '"1h30m"',
  '"ü日本🚀"',
  '"\\u0000"',
  '"\\ud800"',
  '"a\\nb"',
  '|\n  multi\n  line',
  '>-\n  folded',
  '&anchor x',
  '*anchor',
  '*undefined',
  '!!binary aGk=',
  '!!str 1',
  '!custom x',
  '? complex',
  'a: b: c',
  '"unterminated',
  '[unclosed',
  'result[0] >= 0.95',
  'sum(rate(x[5m]))',
];

const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'spec',
  'strategy',
  'canary',
  'blueGreen',
  'steps',
  'setWeight',
  'pause',
  'analysis',
  'experiment',
  'templates',
  'templateName',
  'args',
  'metrics',
  'provider',
  'prometheus',
  'successCondition',
  'selector',
  'matchLabels',
  'template',
  'trafficRouting',
  'nginx',
  'stableIngress',
  'canaryService',
  'stableService',
  'activeService',
  'maxSurge',
  'maxUnavailable',
  'replicas',
  'workloadRef',
  '<<',
  'unknown-field',
];

const BYTES = ['\0', '\t', '\r', '\n', '\r\n', ' ', '{', '}', '[', ']', ':', ': ', '-', '- ', '#', '"', "'", '|', '>', '&', '*', '!', '%', '@', '`', ',', '?', '\\', '\uFEFF', '\u2028', '\ud800', '\udfff', 'é', '😀', '\x7f', '\x1b'];

type Mutation = (text: string, rnd: Random) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

const mutations: readonly [string, Mutation][] = [
  [
    'delete a line',
    (t, r) => {
      const ls = lines(t);
      ls.splice(int(r, ls.length), 1);
      return ls.join('\n');
    },
  ],
  [
    'duplicate a line',
    (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      ls.splice(i, 0, ls[i]!);
      return ls.join('\n');
    },
  ],
  [
    'swap two lines',
    (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const j = int(r, ls.length);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      return ls.join('\n');
    },
  ],
  [
    'change indentation',
    (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      const line = ls[i]!;
      const trimmed = line.replace(/^\s*/, '');
      const indent = line.length - trimmed.length;
      const next = Math.max(0, indent + pick(r, [-4, -2, -1, 1, 2, 4]));
      ls[i] = (r() < 0.1 ? '\t' : ' '.repeat(next)) + trimmed;
      return ls.join('\n');
    },
  ],
  [
    'replace a scalar',
    (t, r) => {
      const ls = lines(t);
      const candidates = ls.map((l, i) => [l, i] as const).filter(([l]) => /^\s*(- )?[^\s#:][^:]*:\s*\S/.test(l));
      if (candidates.length === 0) return t;
      const [line, i] = pick(r, candidates);
      const colon = line.indexOf(': ');
      if (colon < 0) return t;
      const indent = line.length - line.trimStart().length;
      const value = pick(r, REPLACEMENTS).replace(/\n/g, '\n' + ' '.repeat(indent + 2));
      ls[i] = line.slice(0, colon + 2) + value;
      return ls.join('\n');
    },
  ],
  [
    'rename a key',
    (t, r) => {
      const ls = lines(t);
      const candidates = ls.map((l, i) => [l, i] as const).filter(([l]) => /^\s*(- )?[A-Za-z][\w-]*:/.test(l));
      if (candidates.length === 0) return t;
      const [line, i] = pick(r, candidates);
      ls[i] = line.replace(/[A-Za-z][\w-]*(?=:)/, pick(r, KEYS));
      return ls.join('\n');
    },
  ],
  ['truncate', (t, r) => t.slice(0, int(r, t.length + 1))],
  [
    'insert a document marker',
    (t, r) => {
      const ls = lines(t);
      ls.splice(int(r, ls.length + 1), 0, pick(r, ['---', '--- ', '...', '--- |', '---\n---', '%YAML 1.1\n---']));
      return ls.join('\n');
    },
  ],
  [
    'insert random bytes',
    (t, r) => {
      const at = int(r, t.length + 1);
      let junk = '';
      for (let n = 1 + int(r, 4); n > 0; n--) junk += r() < 0.7 ? pick(r, BYTES) : String.fromCharCode(int(r, 0x10000));
      return t.slice(0, at) + junk + t.slice(at);
    },
  ],
  [
    'delete a range',
    (t, r) => {
      const a = int(r, t.length + 1);
      return t.slice(0, a) + t.slice(Math.min(t.length, a + 1 + int(r, 40)));
    },
  ],
  [
    'empty a value',
    (t, r) => {
      const ls = lines(t);
      const i = int(r, ls.length);
      ls[i] = ls[i]!.replace(/:\s.*$/, ':');
      return ls.join('\n');
    },
  ],
];

export const MUTATION_NAMES = mutations.map(([n]) => n);

/** Applies 1–3 random mutations; returns the text and what was done (for failure messages). */
export function mutate(text: string, rnd: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + int(rnd, 3); n > 0; n--) {
    const [name, m] = pick(rnd, mutations);
    applied.push(name);
    out = m(out, rnd);
  }
  return { text: out, applied };
}
