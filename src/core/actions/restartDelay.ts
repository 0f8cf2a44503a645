// The "Restart in…" input box: what the user types is handed to planRestart as `--in`, so it must
// be a Go duration the plugin would accept, and not negative (a restart in the past is "now" with a
// misleading message).
import { parseGoDuration } from '../goDuration';

/** undefined when `input` is a usable delay; otherwise the message the input box shows. */
export function restartDelayError(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return 'Type a duration such as 30s, 5m or 1h30m.';
  const parsed = parseGoDuration(text);
  if (!parsed.ok) return `${parsed.error} (use a Go duration such as 30s, 5m or 1h30m)`;
  if (parsed.seconds < 0) return 'The delay cannot be negative.';
  return undefined;
}
