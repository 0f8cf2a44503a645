// What Create AnalysisRun from Template… asks: a value for each argument the template declares
// (args with valueFrom are resolved by the controller, so they are not asked), and the run's name,
// where an empty answer or one ending in "-" becomes metadata.generateName as with --generate-name.
import { templateArgs } from './planCreateAnalysisRun';

export interface ArgQuestion {
  readonly name: string;
  /** The template's value, offered as the answer; undefined when the template has none. */
  readonly defaultValue: string | undefined;
  /** No default: the run cannot be created without an answer. */
  readonly required: boolean;
}

export function argQuestions(template: unknown): ArgQuestion[] | { error: string } {
  const args = templateArgs(template);
  if (!Array.isArray(args)) return args;
  return args.filter((a) => a.valueFrom === undefined).map((a) => ({ name: a.name, defaultValue: a.value, required: a.value === undefined }));
}

/** An answer to an argument question: required ones need a non-blank value. */
export function argValueError(question: ArgQuestion, value: string): string | undefined {
  return question.required && value.trim() === '' ? `Argument "${question.name}" has no default: type a value.` : undefined;
}

export type RunName = { readonly name: string } | { readonly generateName: string };

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The typed name as name or generateName; `templateName-` when empty. */
export function runName(text: string, templateName: string): RunName | { error: string } {
  const typed = text.trim();
  if (typed === '') return { generateName: `${templateName}-` };
  // generateName gets 5 random characters appended, so it may end in "-" and must leave room for them.
  const generate = typed.endsWith('-');
  const checked = generate ? `${typed}x` : typed;
  if (checked.length > 253 || (generate && typed.length > 248)) return { error: 'The name is too long (at most 253 characters).' };
  if (!SUBDOMAIN.test(checked)) return { error: `"${typed}" is not a valid name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.` };
  return generate ? { generateName: typed } : { name: typed };
}
