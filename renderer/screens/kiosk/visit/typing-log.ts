// Fast typing on a physical keyboard (an automated test, a practised typist) is, by its timing,
// a keyboard-wedge burst: the page's wedge capture (renderer/scan/wedge-capture.ts) swallows it
// and submits it as a scan, and it comes back as a scan that is not a card. At the kiosk such a
// burst is given back to the fields it was typed into. Which keys went into which field is known
// from this log: every printable key with the form field that had the focus, recorded on the window
// in the capture phase *before* the wedge capture sees it (the log is attached when the kiosk's
// screens mount, in the same commit as the scan provider and before its effect), so the keys the
// wedge swallows are here too. A burst that spans two fields (typed, a tap on the next field,
// typed on) is split between them.

/** The form fields a burst can go back to carry this attribute, set to their name. */
export const typedFieldAttribute = 'data-typed-field';

interface TypedKey {
  character: string;
  field: string | null;
}

const kept = 512;

export class TypingLog {
  #keys: TypedKey[] = [];

  record(event: KeyboardEvent): void {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    this.#keys.push({ character: event.key, field: target?.getAttribute(typedFieldAttribute) ?? null });
    if (this.#keys.length > kept) this.#keys.splice(0, this.#keys.length - kept);
  }

  /**
   * The parts of `text`, field by field, when it is the last run of keys typed into form fields;
   * null when it was not typed into fields (a real scan, or keys that went nowhere).
   */
  takeBurst(text: string): Array<{ field: string; text: string }> | null {
    const characters = [...text];
    if (characters.length === 0) return null;
    for (let end = this.#keys.length; end >= characters.length; end -= 1) {
      const run = this.#keys.slice(end - characters.length, end);
      if (!run.every((key, index) => key.character === characters[index])) continue;
      if (run.some((key) => key.field === null)) return null;
      this.#keys.splice(end - characters.length, characters.length);
      const parts: Array<{ field: string; text: string }> = [];
      for (const key of run) {
        const last = parts.at(-1);
        if (last && last.field === key.field) last.text += key.character;
        else parts.push({ field: key.field as string, text: key.character });
      }
      return parts;
    }
    return null;
  }

  clear(): void {
    this.#keys = [];
  }
}
