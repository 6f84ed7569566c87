import { afterEach, describe, expect, it } from 'vitest';
import { parseIdPayload } from '../../main/core/id-card/parse-id-payload.ts';
import type { ScanEvent } from '../../preload/contract/areas/scan.ts';
import { idFixture } from '../../tests/support/id-fixtures.ts';
import { scanToneFor } from './scan-tone-for.ts';
import { playScanTone, resetScanTonesForTest } from './scan-tones.ts';

const scope = globalThis as { AudioContext?: unknown };

/** Records the oscillators a tone starts. */
function fakeAudio() {
  const played: Array<{ type: string; frequency: number }> = [];
  let created = 0;
  const param = () => ({ setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined });
  class FakeContext {
    currentTime = 0;
    state = 'running';
    destination = {};
    constructor() {
      created += 1;
    }
    resume = async () => undefined;
    createGain = () => ({ gain: param(), connect: () => undefined });
    createOscillator = () => {
      const oscillator = {
        type: 'sine',
        frequency: { setValueAtTime: (value: number) => void (oscillator.value = value) },
        value: 0,
        connect: () => undefined,
        start: () => played.push({ type: oscillator.type, frequency: oscillator.value }),
        stop: () => undefined,
      };
      return oscillator;
    };
  }
  scope.AudioContext = FakeContext;
  return { played, created: () => created };
}

afterEach(() => {
  delete scope.AudioContext;
  resetScanTonesForTest();
});

const scan = (raw: string, damage: ScanEvent['damage'] = null): ScanEvent => ({
  scanId: 's',
  source: 'keyboard-wedge',
  device: null,
  receivedAt: '2026-12-01T03:00:00.000Z',
  raw,
  bytesHex: null,
  symbology: null,
  result: parseIdPayload(raw, { today: '2026-12-01' }),
  damage,
});

describe('scan tones', () => {
  it('do nothing where there is no Web Audio (jsdom)', () => {
    expect(scope.AudioContext).toBeUndefined();
    expect(() => playScanTone('good')).not.toThrow();
  });

  it('play a bright chime for a good scan and a low double tone for a failed one, on one context', () => {
    const audio = fakeAudio();
    playScanTone('good');
    const good = audio.played.splice(0);
    playScanTone('bad');
    const bad = audio.played.splice(0);
    expect(audio.created()).toBe(1);
    expect(good).toHaveLength(2);
    expect(bad).toHaveLength(2);
    expect(Math.min(...good.map((note) => note.frequency))).toBeGreaterThan(800);
    expect(Math.max(...bad.map((note) => note.frequency))).toBeLessThan(300);
  });

  it('choose the tone from the scan: a card or a form code is good, a damaged or unreadable scan bad', () => {
    expect(scanToneFor(scan(idFixture('cccd-2021-0').payload))).toBe('good');
    expect(scanToneFor(scan('DK-07921-2026-000123'))).toBe('good');
    expect(scanToneFor(scan(idFixture('cccd-id-not-12-digits').payload))).toBe('bad');
    expect(
      scanToneFor(
        scan(idFixture('cccd-2021-0').payload, {
          kind: 'keyboard-layout',
          fix: 'keyboard-layout-us',
          evidence: [],
          layout: null,
          confirmed: false,
          others: [],
        }),
      ),
    ).toBe('bad');
  });
});
