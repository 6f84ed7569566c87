import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import { scanEventSchema } from '../../../preload/contract/areas/scan.ts';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { ScanPipeline } from './scan-pipeline.ts';

function pipeline(options: { damaged?: (text: string) => boolean } = {}) {
  let now = Date.parse('2026-12-01T02:00:00.000Z');
  const events: ScanEvent[] = [];
  const scans = new ScanPipeline({
    now: () => new Date(now),
    dedupeWindowMs: () => 3000,
    diagnoseWedge: (text) =>
      options.damaged?.(text)
        ? {
            kind: 'lost-characters',
            fix: 'scanner-unicode-or-hid-pos',
            evidence: [],
            layout: null,
            confirmed: true,
            others: [],
          }
        : null,
    emit: (event) => events.push(event),
  });
  return { scans, events, advance: (ms: number) => (now += ms) };
}

const card = idFixture('cccd-2021-0');
const damagedText = card.payload.replace(/[^\x20-\x7e]/g, '?');

describe('the scan pipeline', () => {
  it('parses a scan and sends it to the screens, in the shape of the contract', () => {
    const { scans, events } = pipeline();
    const answer = scans.accept({
      source: 'hid-pos',
      device: 'Honeywell 1950g',
      text: card.payload,
      bytesHex: 'aa',
      symbology: ']Q1',
    });
    expect(answer.duplicate).toBe(false);
    expect(events).toHaveLength(1);
    expect(scanEventSchema.parse(events[0])).toEqual(events[0]);
    expect(events[0]).toMatchObject({
      source: 'hid-pos',
      raw: card.payload,
      symbology: ']Q1',
      result: { ok: true, kind: 'cccd' },
    });
  });

  it('handles one physical scan once when the HID-POS side and the keyboard side both see it', () => {
    const { scans, events, advance } = pipeline({ damaged: (text) => text.includes('?') });
    const first = scans.accept({ source: 'hid-pos', device: 'scanner', text: card.payload });
    advance(800);
    // The keyboard side of the same scanner typed it with the letters lost: the same digits.
    const second = scans.accept({ source: 'keyboard-wedge', device: null, text: damagedText });
    expect(second).toEqual({ scanId: first.scanId, duplicate: true });
    expect(events).toHaveLength(1);
  });

  it('lets the exact sighting through after a damaged wedge one, so the good text wins', () => {
    const { scans, events, advance } = pipeline({ damaged: (text) => text.includes('?') });
    scans.accept({ source: 'keyboard-wedge', device: null, text: damagedText });
    advance(100);
    expect(scans.accept({ source: 'hid-pos', device: 'scanner', text: card.payload }).duplicate).toBe(false);
    expect(events.map((event) => event.source)).toEqual(['keyboard-wedge', 'hid-pos']);
    expect(events[0]?.damage).toMatchObject({ kind: 'lost-characters' });
  });

  it('treats a rescan with the same source, and a scan after the window, as new scans', () => {
    const { scans, events, advance } = pipeline();
    scans.accept({ source: 'keyboard-wedge', device: null, text: card.payload });
    advance(500);
    scans.accept({ source: 'keyboard-wedge', device: null, text: card.payload });
    advance(3500);
    scans.accept({ source: 'camera', device: 'webcam', text: card.payload });
    expect(events).toHaveLength(3);
  });

  it('tells two different cards apart', () => {
    const { scans, events } = pipeline();
    scans.accept({ source: 'hid-pos', device: null, text: card.payload });
    scans.accept({ source: 'keyboard-wedge', device: null, text: idFixture('cccd-2021-1').payload });
    expect(events).toHaveLength(2);
  });
});
