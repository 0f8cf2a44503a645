// Quick fix: add template args the Rollout does not pass to its analysis `args` list.
import { isSeq, type Node } from 'yaml';
import { insertPairFix } from '../../fixes';
import type { LintDoc } from '../../lintDoc';
import type { Fix } from '../../types';
import { nodeAt, type Path } from '../../yamlPath';

function endOfContent(text: string, from: number): number {
  let i = from;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** Adds `- name: <a>\n  value: ""` for each arg to the list at `[...analysisPath, 'args']`, creating it when absent. */
export function addArgsFix(doc: LintDoc, analysisPath: Path, argNames: readonly string[]): Fix | undefined {
  if (argNames.length === 0) return undefined;
  const title = argNames.length === 1 ? `Add the missing argument '${argNames[0]}' to args` : `Add the missing arguments ${argNames.map((a) => `'${a}'`).join(', ')} to args`;
  const args = nodeAt(doc.yaml, [...analysisPath, 'args']);
  if (args === undefined) {
    const body = argNames.map((a) => `- name: ${a}\n  value: ""`).join('\n');
    return insertPairFix(doc, analysisPath, 'args', body, title);
  }
  if (!isSeq(args) || args.flow || args.items.length === 0) return undefined;
  const first = args.items[0] as Node | null;
  const last = args.items[args.items.length - 1] as Node | null;
  const start = first?.range?.[0];
  const end = last?.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  const prefix = doc.text.slice(lineStart, start);
  const dash = prefix.lastIndexOf('-');
  // Only the plain `<indent>- key: ...` layout; anything else (comments, anchors) gets no fix.
  if (dash < 0 || prefix.slice(0, dash).trim() !== '' || prefix.slice(dash + 1).trim() !== '') return undefined;
  const keyCol = start - lineStart;
  const itemText = argNames
    .map((a) => `\n${' '.repeat(dash)}-${' '.repeat(keyCol - dash - 1)}name: ${a}\n${' '.repeat(keyCol)}value: ""`)
    .join('');
  const at = endOfContent(doc.text, end);
  return { title, edits: [{ start: at, end: at, newText: itemText }] };
}
