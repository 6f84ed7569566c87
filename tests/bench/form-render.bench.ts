// The declaration PDF (main/documents/declaration): once warm (fonts read, JIT settled), the
// median time to render one form and its file size, next to a baseline measured in the same
// rounds: the same page content with pdfkit's built-in Helvetica (nothing embedded) and no QR
// symbol, i.e. what the embedded Vietnamese font and the vector QR code cost. The form with a
// Chinese summary page (a 10 MB font parsed per document) is reported without a target.
import { documentedRegistration } from '../fixtures/documented-registration.ts';
import { defaultDeclarationTemplate } from '../../main/documents/declaration/load-declaration-template.ts';
import {
  renderDeclarationPdf,
  type DeclarationInput,
  type DeclarationRenderTuning,
} from '../../main/documents/declaration/render-declaration-pdf.ts';
import type { Benchmark, BenchResult } from './bench-result.ts';
import { median, result } from './bench-result.ts';

const input: DeclarationInput = {
  registration: documentedRegistration,
  office: { code: documentedRegistration.officeCode, name: null },
  printedAt: new Date('2026-11-21T02:30:00Z'),
  summaryLanguage: null,
  training: false,
};
const baseline: DeclarationRenderTuning = { standardFonts: true, drawQr: false };
const rounds = 40;

async function timed(
  value: DeclarationInput,
  tuning: DeclarationRenderTuning = {},
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const pdf = await renderDeclarationPdf(value, defaultDeclarationTemplate, tuning);
  return { ms: performance.now() - started, bytes: pdf.length };
}

const benchmark: Benchmark = {
  title: 'Declaration PDF (form 01/ĐK-GD) render',
  run: async () => {
    const withSummary = { ...input, summaryLanguage: 'zh' as const };
    for (let warm = 0; warm < 8; warm += 1) {
      await timed(input);
      await timed(input, baseline);
      await timed(withSummary);
    }
    const form: number[] = [];
    const plain: number[] = [];
    const summary: number[] = [];
    let formBytes = 0;
    let plainBytes = 0;
    let summaryBytes = 0;
    // Interleaved, so that the form and its baseline see the same load on a shared machine.
    for (let round = 0; round < rounds; round += 1) {
      const real = await timed(input);
      const base = await timed(input, baseline);
      const zh = await timed(withSummary);
      form.push(real.ms);
      plain.push(base.ms);
      summary.push(zh.ms);
      formBytes = real.bytes;
      plainBytes = base.bytes;
      summaryBytes = zh.bytes;
    }
    const results: BenchResult[] = [
      result({
        name: 'declaration PDF, A4 form, ms per form',
        unit: 'ms',
        value: median(form),
        baseline: median(plain),
        baselineName: 'same page, Helvetica, no QR',
        target: '<= 50',
      }),
      result({
        name: 'declaration PDF, A4 form, file size',
        unit: 'KB',
        value: formBytes / 1024,
        baseline: plainBytes / 1024,
        baselineName: 'same page, Helvetica, no QR',
        target: '<= 150',
      }),
      result({
        name: 'declaration PDF, form + zh summary, ms',
        unit: 'ms',
        value: median(summary),
        target: null,
      }),
      result({
        name: 'declaration PDF, form + zh summary, file size',
        unit: 'KB',
        value: summaryBytes / 1024,
        target: null,
      }),
    ];
    return results;
  },
};

export default benchmark;
