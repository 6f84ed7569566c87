// A payload split on `|` as offsets into the payload, not as substrings: the parsers read the
// fields in place and slice only the values they keep. Empty fields are kept — every card field
// has a fixed index (ID-CARDS.md §4 warns against parsers that drop them).

import { maxPayloadBytes } from './normalise-payload.ts';

export class PayloadFields {
  text = '';
  count = 0;
  // starts[i] is where field i begins; field i ends one before starts[i + 1]. A payload of at
  // most `maxPayloadBytes` characters has at most that many separators.
  readonly #starts = new Int32Array(maxPayloadBytes + 2);

  /** Splits `text[begin, end)`; `end - begin` must not exceed `maxPayloadBytes`. */
  load(text: string, begin: number, end: number): this {
    const starts = this.#starts;
    let count = 0;
    starts[0] = begin;
    for (let bar = text.indexOf('|', begin); bar >= 0 && bar < end; bar = text.indexOf('|', bar + 1)) {
      count += 1;
      starts[count] = bar + 1;
    }
    starts[count + 1] = end + 1;
    this.text = text;
    this.count = count + 1;
    return this;
  }

  start(index: number): number {
    return this.#starts[index] as number;
  }

  end(index: number): number {
    return (this.#starts[index + 1] as number) - 1;
  }

  /** The raw text of field `index`. */
  slice(index: number): string {
    return this.text.slice(this.start(index), this.end(index));
  }
}
