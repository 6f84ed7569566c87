import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Report } from '../../../preload/contract/areas/reports.ts';
import { reportCharts, type ReportChartLabels } from '../../core/reports/report-charts.ts';
import type { AuditExcerpt } from '../../store/audit-log.ts';
import { loadFont, type FontKey } from '../declaration/declaration-fonts.ts';
import { chartSvg } from './report-chart-svg.ts';
import { displayDay, vietnamDateAndTime } from './report-rows.ts';
import { reasonName, type ReportLanguage, type ReportTexts } from './report-texts.ts';

// The PDF export, A4 portrait: title, office, range and filters, "as of the last sync", the figures
// in tables, the charts as vectors (ECharts SSR → SVG → svg-to-pdfkit, the same options the screen
// draws), and an appendix with the range's audit entries and the head of the audit chain. Fonts are
// the project's embedded ones (the declaration's): Be Vietnam Pro for Vietnamese and English, the
// Noto Sans CJK face for Chinese, Japanese and Korean (it also has every Vietnamese letter, so names
// print in it too). The file depends only on its input: CreationDate is the report's generatedAt.

const margin = 40;
const pageWidth = 595.28;
const pageHeight = 841.89;
const contentWidth = pageWidth - 2 * margin;
const bottom = pageHeight - margin - 16;
/** The appendix lists at most this many entries; the XLSX has them all. */
export const pdfAuditLimit = 400;

const faces: Record<ReportLanguage, { regular: FontKey; bold: FontKey }> = {
  vi: { regular: 'vietnameseRegular', bold: 'vietnameseBold' },
  en: { regular: 'vietnameseRegular', bold: 'vietnameseBold' },
  zh: { regular: 'chinese', bold: 'chinese' },
  ja: { regular: 'japanese', bold: 'japanese' },
  ko: { regular: 'korean', bold: 'korean' },
};

type Doc = InstanceType<typeof PDFDocument>;
type Cell = string | number | null;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export interface ReportPdfInput {
  report: Report;
  audit: AuditExcerpt;
  texts: ReportTexts;
  language: ReportLanguage;
}

export async function reportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { report, texts } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: {
      Title: `${texts.title} ${report.officeCode} ${report.filter.from}–${report.filter.to}`,
      Producer: 'bhxh-kiosk',
      Creator: 'bhxh-kiosk',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const face = faces[input.language];
  const [regular, bold] = await Promise.all([loadFont(face.regular), loadFont(face.bold)]);
  doc.registerFont('Body', regular);
  doc.registerFont('Bold', bold);

  drawHeading(doc, report, texts);
  drawFigures(doc, report, texts);
  drawCharts(doc, report, texts);
  drawAuditAppendix(doc, input.audit, texts);
  drawPageNumbers(doc, texts);
  doc.end();
  return done;
}

function drawHeading(doc: Doc, report: Report, texts: ReportTexts): void {
  doc
    .font('Bold')
    .fontSize(16)
    .fillColor('#000000')
    .text(texts.title, margin, margin, { width: contentWidth });
  doc.moveDown(0.3);
  const range =
    report.filter.from === report.filter.to
      ? `${texts.date}: ${displayDay(report.filter.from)}`
      : `${texts.from} ${displayDay(report.filter.from)} — ${texts.to} ${displayDay(report.filter.to)}`;
  const lines = [
    `${texts.office}: ${report.officeCode}`,
    range,
    `${texts.officer}: ${report.filter.officer ?? texts.all}   ${texts.counter}: ${report.filter.counter ?? texts.all}`,
    `${texts.asOf} ${report.asOf === null ? texts.neverSynced : vietnamDateAndTime(report.asOf)}`,
    `${texts.generatedAt} ${vietnamDateAndTime(report.generatedAt)}`,
  ];
  doc.font('Body').fontSize(10);
  for (const line of lines) doc.text(line, margin, doc.y, { width: contentWidth });
  doc.moveDown(0.8);
}

function drawFigures(doc: Doc, report: Report, texts: ReportTexts): void {
  const f = texts.figures;
  const s = texts.sections;
  const pair = (figure: string, value: Cell): Cell[] => [figure, value];
  const keyValue: Column[] = [
    { title: texts.columns.figure, width: contentWidth - 110 },
    { title: texts.columns.value, width: 110, align: 'right' },
  ];
  const time = (iso: string | null) => (iso === null ? '—' : vietnamDateAndTime(iso));

  table(doc, s.summary, keyValue, [
    pair(f.received, report.received.total),
    pair(f.approved, report.approved),
    pair(f.rejected, report.rejected),
    pair(f.overrides, report.overrides),
    pair(f.pending, report.pending.count),
    pair(f.medianScanToDecision, report.medianScanToDecisionSeconds),
    pair(f.formsPrinted, report.formsPrinted),
  ]);
  table(doc, s.channels, keyValue, [
    pair(f.portal, report.received.byChannel.portal),
    pair(f.app, report.received.byChannel.app),
    pair(f.kiosk, report.received.byChannel.kiosk),
  ]);
  const age = report.pending.byAge;
  table(doc, s.pending, keyValue, [
    pair(f.underOneDay, age.underOneDay),
    pair(f.oneToThreeDays, age.oneToThreeDays),
    pair(f.threeToSevenDays, age.threeToSevenDays),
    pair(f.overSevenDays, age.overSevenDays),
    pair(f.oldestPending, time(report.pending.oldestSubmittedAt)),
  ]);
  if (report.rejectedByReason.length > 0) {
    table(
      doc,
      s.reasons,
      keyValue,
      report.rejectedByReason.map((reason) => pair(reasonName(texts, reason), reason.count)),
    );
  }
  if (report.byOfficer.length > 0) {
    table(
      doc,
      s.officers,
      [
        { title: texts.officer, width: 78 },
        { title: f.fullName, width: 132 },
        { title: f.approved, width: 55, align: 'right' },
        { title: f.rejected, width: 55, align: 'right' },
        { title: f.overrides, width: 75, align: 'right' },
        { title: f.medianScanToDecision, width: contentWidth - 395, align: 'right' },
      ],
      report.byOfficer.map((one) => [
        one.officerId,
        one.fullName,
        one.approved,
        one.rejected,
        one.overrides,
        one.medianScanToDecisionSeconds,
      ]),
    );
  }
  if (report.byCounter.length > 0) {
    table(
      doc,
      s.counters,
      [
        { title: texts.counter, width: contentWidth - 270 },
        { title: f.approved, width: 90, align: 'right' },
        { title: f.rejected, width: 90, align: 'right' },
        { title: f.overrides, width: 90, align: 'right' },
      ],
      report.byCounter.map((one) => [one.counterId, one.approved, one.rejected, one.overrides]),
    );
  }
  if (report.byDay.length > 1) {
    table(
      doc,
      s.days,
      [
        { title: texts.date, width: contentWidth - 270 },
        { title: f.received, width: 90, align: 'right' },
        { title: f.approved, width: 90, align: 'right' },
        { title: f.rejected, width: 90, align: 'right' },
      ],
      report.byDay.map((one) => [displayDay(one.date), one.received, one.approved, one.rejected]),
    );
  }
  table(doc, s.kiosk, keyValue, [
    pair(f.received, report.kiosk.received),
    pair(f.approved, report.kiosk.approved),
    pair(f.rejected, report.kiosk.rejected),
    pair(f.pending, report.kiosk.pending),
  ]);
  table(doc, s.sync, keyValue, [
    pair(
      f.lastSuccessAt,
      report.sync.lastSuccessAt === null ? texts.neverSynced : time(report.sync.lastSuccessAt),
    ),
    pair(f.backlog, report.sync.backlog),
    pair(f.oldestPendingEvent, time(report.sync.oldestPendingAt)),
    pair(f.openConflicts, report.sync.openConflicts),
    pair(f.refusedEvents, report.sync.refusedEvents),
  ]);
}

function drawCharts(doc: Doc, report: Report, texts: ReportTexts): void {
  const labels: ReportChartLabels = {
    perHourTitle: texts.perHourTitle,
    perOfficerTitle: texts.perOfficerTitle,
    byReasonTitle: texts.byReasonTitle,
    perDayTitle: texts.perDayTitle,
    received: texts.figures.received,
    decided: texts.figures.decided,
    approved: texts.figures.approved,
    rejected: texts.figures.rejected,
    hourLabel: texts.hourLabel,
    reasonLabel: (reason) => reasonName(texts, reason),
  };
  // One unit of the SVG is one point (assumePt), so the chart's 9 px text is 9 pt on paper.
  for (const chart of reportCharts(report, labels, { fontFamily: 'Body', fontSize: 8 })) {
    if (doc.y + chart.height > bottom) doc.addPage();
    const top = doc.y;
    SVGtoPDF(doc as never, chartSvg(chart, contentWidth), margin, top, {
      width: contentWidth,
      height: chart.height,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? 'Bold' : 'Body'),
    });
    doc.x = margin;
    doc.y = top + chart.height + 14;
  }
}

function drawAuditAppendix(doc: Doc, audit: AuditExcerpt, texts: ReportTexts): void {
  const a = texts.audit;
  doc.addPage();
  doc.font('Bold').fontSize(13).text(texts.sections.audit, margin, margin, { width: contentWidth });
  doc.moveDown(0.3);
  doc.font('Body').fontSize(9);
  const head =
    audit.head === null
      ? a.none
      : `${a.chainHead}: #${audit.head.id} ${audit.head.hash ?? `(${a.noChainHead})`}`;
  doc.text(head, margin, doc.y, { width: contentWidth });
  const shown = audit.entries.slice(0, pdfAuditLimit);
  if (audit.total > shown.length)
    doc.text(a.truncated(shown.length, audit.total), margin, doc.y, { width: contentWidth });
  doc.moveDown(0.6);
  if (shown.length === 0) {
    doc.text(a.none, margin, doc.y, { width: contentWidth });
    return;
  }
  table(
    doc,
    null,
    [
      { title: a.id, width: 40, align: 'right' },
      { title: a.at, width: 80 },
      { title: a.actor, width: 70 },
      { title: a.action, width: 120 },
      { title: a.subject, width: 125 },
      { title: a.hash, width: contentWidth - 435 },
    ],
    shown.map((entry) => [
      entry.id,
      vietnamDateAndTime(entry.at),
      entry.actor,
      entry.action,
      entry.subject,
      entry.hash === null ? '—' : entry.hash.slice(0, 12),
    ]),
    8,
  );
}

function drawPageNumbers(doc: Doc, texts: ReportTexts): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Below the bottom margin pdfkit would start a new page for the line: the footer lives there.
    doc.page.margins.bottom = 0;
    doc
      .font('Body')
      .fontSize(8)
      .text(texts.page(index + 1, range.count), margin, pageHeight - margin - 8, {
        width: contentWidth,
        align: 'right',
        lineBreak: false,
      });
  }
}

/** A titled table; rows never split across pages, the header repeats on a new page. */
function table(doc: Doc, title: string | null, columns: Column[], rows: Cell[][], fontSize = 9): void {
  const rowHeight = fontSize + 6;
  const need = (title === null ? 0 : 20) + rowHeight * Math.min(rows.length + 1, 4);
  if (doc.y + need > bottom) doc.addPage();
  if (title !== null) {
    doc.font('Bold').fontSize(11).text(title, margin, doc.y, { width: contentWidth });
    doc.moveDown(0.2);
  }
  const drawRow = (cells: Cell[], font: 'Body' | 'Bold', shade: boolean) => {
    const top = doc.y;
    const height = Math.max(
      rowHeight,
      ...cells.map(
        (cell, index) =>
          doc
            .font(font)
            .fontSize(fontSize)
            .heightOfString(text(cell), { width: columns[index]!.width - 6 }) + 5,
      ),
    );
    if (shade) doc.rect(margin, top, contentWidth, height).fill('#eeeeee').fillColor('#000000');
    let x = margin;
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      doc
        .font(font)
        .fontSize(fontSize)
        .fillColor('#000000')
        .text(text(cell), x + 3, top + 3, { width: column.width - 6, align: column.align ?? 'left' });
      x += column.width;
    });
    doc
      .moveTo(margin, top + height)
      .lineTo(margin + contentWidth, top + height)
      .lineWidth(0.4)
      .strokeColor('#999999')
      .stroke();
    doc.x = margin;
    doc.y = top + height;
  };
  drawRow(
    columns.map((column) => column.title),
    'Bold',
    true,
  );
  for (const row of rows) {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      drawRow(
        columns.map((column) => column.title),
        'Bold',
        true,
      );
    }
    drawRow(row, 'Body', false);
  }
  doc.moveDown(0.8);
}

function text(cell: Cell): string {
  return cell === null ? '—' : String(cell);
}
