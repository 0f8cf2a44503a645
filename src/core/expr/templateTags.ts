// Argo's `{{ ... }}` argument tags (utils/template, fasttemplate): finding them in a string and
// replacing them with stand-ins while remembering how to map positions back to the original text.

export interface TemplateTag {
  /** Offsets of `{{` and just after `}}` in the text. */
  readonly start: number;
  readonly end: number;
  /** The text between the braces, as written (Argo trims spaces when resolving it). */
  readonly raw: string;
  /** Trimmed content, e.g. `args.service-name`. */
  readonly name: string;
}

/** Tags as fasttemplate finds them: each `{{` up to the next `}}`; an unclosed `{{` ends the scan. */
export function findTemplateTags(text: string): TemplateTag[] {
  const out: TemplateTag[] = [];
  let i = text.indexOf('{{');
  while (i >= 0) {
    const close = text.indexOf('}}', i + 2);
    if (close < 0) break;
    const raw = text.slice(i + 2, close);
    out.push({ start: i, end: close + 2, raw, name: raw.trim() });
    i = text.indexOf('{{', close + 2);
  }
  return out;
}

export interface Substitution {
  readonly text: string;
  /** Maps an offset in `text` back to the original; offsets inside a stand-in map to its tag's start. */
  toOriginal(offset: number): number;
  /** The tag a substituted offset falls into, if any. */
  tagAt(offset: number): TemplateTag | undefined;
}

/** Replaces each tag with `standIns[i]`. */
export function substituteTags(text: string, tags: readonly TemplateTag[], standIns: readonly string[]): Substitution {
  let out = '';
  let last = 0;
  const segments: { subStart: number; subEnd: number; tag: TemplateTag }[] = [];
  tags.forEach((tag, i) => {
    out += text.slice(last, tag.start);
    const s = standIns[i] ?? '';
    segments.push({ subStart: out.length, subEnd: out.length + s.length, tag });
    out += s;
    last = tag.end;
  });
  out += text.slice(last);
  return {
    text: out,
    toOriginal(offset) {
      let shift = 0;
      for (const seg of segments) {
        if (offset < seg.subStart) break;
        if (offset < seg.subEnd) return seg.tag.start;
        shift = seg.tag.end - seg.subEnd;
      }
      return offset + shift;
    },
    tagAt(offset) {
      return segments.find((seg) => offset >= seg.subStart && offset < seg.subEnd)?.tag;
    },
  };
}
