// Turns a Helm template into YAML of exactly the same length, so that the YAML parser sees the static
// structure and every offset (finding spans, quick fixes) is the same in the template:
// - a line holding only actions (`{{- if … }}`, `{{- end }}`, `{{ toYaml .Values.x | nindent 8 }}`)
//   becomes a blank line (spaces: runs of line breaks make the YAML parser several times slower),
//   or empty lines when it opens a block scalar (a more-indented blank first line is an error
//   there); when it prints something, where that output lands is remembered
//   (`contentLines`) so the collection it fills is known to be open;
// - an action inside a line (`name: {{ include "fullname" . }}`) becomes a placeholder word of the
//   same length (`t1xxxxxxxxxxxxxxxxxxxxxx`), remembered as `unknown`: no rule judges its value;
// - a Helm raw string `` {{`…`}} `` loses its delimiters: its first line moves left onto the action's
//   column, where helm prints it (`shifts` maps those offsets back), so its content is what Argo
//   sees, in the YAML structure helm produces;
// - a comment or a control action after the static text of a line becomes spaces.
import { templateActions, type TemplateAction } from './templateActions';
import type { Span } from '../types';

export interface ContentLine {
  /** Offset of the line's start. */
  readonly offset: number;
  /** The column the printed text starts at. */
  readonly indent: number;
}

export interface MaskedTemplate {
  readonly text: string;
  /** Placeholder spans, and the spans of actions that were on action-only lines. In order. */
  readonly unknown: readonly Span[];
  /** Action-only lines that print text. In order. */
  readonly contentLines: readonly ContentLine[];
  /** True when the text has at least one action. */
  readonly templated: boolean;
  /** Text moved left by `delta` (raw strings' first lines): masked [start, end) is template [start + delta, end + delta). */
  readonly shifts: readonly Shift[];
}

export interface Shift {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

export function maskTemplate(text: string): MaskedTemplate {
  const actions = templateActions(text);
  if (actions.length === 0) return { text, unknown: [], contentLines: [], templated: false, shifts: [] };
  const shifts: Shift[] = [];
  const out = text.split('');
  const unknown: Span[] = [];
  const contentLines: ContentLine[] = [];
  let ordinal = 0;
  let a = 0;
  /** Starts of the action-only lines so far (they do not count as the line before a block scalar's content). */
  const blanked = new Set<number>();
  for (let lineStart = 0; lineStart < text.length && a < actions.length; ) {
    const first = actions[a]!;
    // Jump to the line of the next action.
    const ls = text.lastIndexOf('\n', first.start - 1) + 1;
    if (ls > lineStart) lineStart = ls;
    // The actions starting on this line, and the last line any of them reaches.
    const group: TemplateAction[] = [];
    let reach = lineEndOf(text, lineStart);
    while (a < actions.length && actions[a]!.start < reach) {
      const act = actions[a++]!;
      group.push(act);
      if (act.end > reach) reach = lineEndOf(text, act.end);
    }
    if (actionOnly(text, lineStart, reach, group)) {
      const filler = opensBlockScalar(text, lineStart, blanked) ? '\n' : ' ';
      for (let i = lineStart; i < reach; i++) if (out[i] !== '\r' || i !== reach - 1) out[i] = out[i] === '\n' ? '\n' : filler;
      blanked.add(lineStart);
      for (const act of group) if (act.kind !== 'comment') unknown.push({ start: act.start, end: act.end });
      const printer = group.find((g) => g.kind === 'output');
      if (printer) contentLines.push({ offset: lineStart, indent: printer.indent?.n ?? printer.start - lineStart });
    } else {
      let staticSeen = false;
      let pos = lineStart;
      for (const act of group) {
        if (/\S/.test(text.slice(pos, act.start))) staticSeen = true;
        pos = act.end;
        if (act.kind === 'raw') {
          const shift = unwrapRaw(text, out, act);
          if (shift) shifts.push(shift);
          staticSeen = true;
        } else if (staticSeen && act.kind !== 'output' && !/\S/.test(restAfter(text, act.end, reach, group))) {
          fill(out, act.start, act.end, ' ');
        } else {
          placeholder(out, act, ++ordinal);
          unknown.push({ start: act.start, end: act.end });
        }
      }
    }
    lineStart = reach + 1;
  }
  return { text: out.join(''), unknown, contentLines, templated: true, shifts };
}

const BLOCK_HEADER = /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/;

/** True when the nearest line above with content (not blanked) ends with a block scalar header (`key: |-`). */
function opensBlockScalar(text: string, lineStart: number, blanked: ReadonlySet<number>): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '' && !blanked.has(start)) return BLOCK_HEADER.test(line);
    end = start - 1;
  }
  return false;
}

/** Nothing but whitespace outside the group's non-raw actions between `from` and `to`. */
function actionOnly(text: string, from: number, to: number, group: readonly TemplateAction[]): boolean {
  let pos = from;
  for (const act of group) {
    if (act.kind === 'raw') return false;
    if (/\S/.test(text.slice(pos, act.start))) return false;
    pos = act.end;
  }
  return !/\S/.test(text.slice(pos, to));
}

/** The text after `end` to the end of the line, without the group's later actions. */
function restAfter(text: string, end: number, to: number, group: readonly TemplateAction[]): string {
  let s = '';
  let pos = end;
  for (const act of group) {
    if (act.start < end) continue;
    s += text.slice(pos, act.start);
    pos = act.end;
  }
  return s + text.slice(pos, to);
}

/**
 * `` {{`…`}} `` → its content's first line moved onto the action's column, spaces after; later lines
 * stay (helm prints them where they are). `"{{`…`}}"` keeps its quotes around the content.
 */
function unwrapRaw(text: string, out: string[], act: TemplateAction): Shift | undefined {
  const raw = act.raw!;
  const nl = text.indexOf('\n', raw.start);
  const firstEnd = nl >= 0 && nl < raw.end ? nl : raw.end;
  const delta = raw.start - act.start;
  fill(out, act.start, firstEnd, ' ');
  for (let i = raw.start; i < firstEnd; i++) out[i - delta] = text[i]!;
  fill(out, Math.max(raw.end, firstEnd), act.end, ' ');
  const q = text[act.start - 1];
  if (firstEnd === raw.end && (q === '"' || q === "'") && text[act.end] === q) {
    out[act.start + (firstEnd - raw.start)] = q;
    out[act.end] = ' ';
  }
  return firstEnd > raw.start ? { start: act.start, end: act.start + (firstEnd - raw.start), delta } : undefined;
}

/** A masked offset back in the template (`end`: an exclusive end). */
export function unshift(shifts: readonly Shift[], offset: number, end = false): number {
  const probe = end ? offset - 1 : offset;
  for (const s of shifts) {
    if (probe >= s.start && probe < s.end) return offset + s.delta;
    if (s.start > probe) break;
  }
  return offset;
}

/** A word of the action's length that YAML reads as a plain string, distinct for each action. */
function placeholder(out: string[], act: TemplateAction, ordinal: number): void {
  const word = `t${ordinal.toString(36)}`.padEnd(act.end - act.start, 'x');
  for (let i = act.start, k = 0; i < act.end; i++, k++) {
    // Line breaks inside a multi-line action stay, so lines keep their numbers.
    out[i] = out[i] === '\n' ? '\n' : out[i] === '\r' ? '\r' : word[k] ?? 'x';
  }
}

function fill(out: string[], from: number, to: number, c: string): void {
  for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = c;
}

/** The offset of the `\n` ending the line holding `from` (or the text's length). */
function lineEndOf(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}
