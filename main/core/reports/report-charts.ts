// The report's charts as ECharts option objects, shared by the screen (echarts in the browser, SVG
// renderer) and the PDF (echarts server-side SVG, then svg-to-pdfkit), so both draw the same thing.
// Plain objects only: main/core imports no chart library and no contract, so the inputs below are
// the few fields of the contract's `Report` the charts read (a `Report` fits them as is).
//
// Printed reports are often photocopied in black and white: the two series of a chart differ in
// lightness (dark blue against light amber), every bar has a black outline, text is black, and
// nothing animates (a PDF or a screenshot would catch a bar half grown).

export interface HourFigures {
  readonly hour: number;
  readonly received: number;
  readonly decided: number;
}

export interface OfficerFigures {
  readonly officerId: string;
  readonly fullName: string | null;
  readonly approved: number;
  readonly rejected: number;
}

export interface ReasonFigures {
  readonly reasonCode: string;
  readonly labelVi: string | null;
  readonly count: number;
}

export interface DayFigures {
  /** YYYY-MM-DD (Vietnam day). */
  readonly date: string;
  readonly received: number;
  readonly approved: number;
  readonly rejected: number;
}

export interface ReportChartInput {
  readonly byHour: readonly HourFigures[];
  readonly byOfficer: readonly OfficerFigures[];
  readonly rejectedByReason: readonly ReasonFigures[];
  readonly byDay: readonly DayFigures[];
}

/** Texts in the reader's language; the caller translates (the screen with i18next, the PDF with its texts module). */
export interface ReportChartLabels {
  readonly perHourTitle: string;
  readonly perOfficerTitle: string;
  readonly byReasonTitle: string;
  readonly perDayTitle: string;
  readonly received: string;
  readonly decided: string;
  readonly approved: string;
  readonly rejected: string;
  /** The hour axis' tick, e.g. `7h` (Vietnamese) or `07:00`. */
  readonly hourLabel: (hour: number) => string;
  /** A rejection reason's name; without it, the Vietnamese label the data carries, else the code. */
  readonly reasonLabel?: (reason: ReasonFigures) => string;
}

export interface ReportChartStyle {
  /** The font the text is drawn with: the screen's, or the PDF's embedded family name. */
  readonly fontFamily: string;
  /** Base font size in px (axis labels); titles are a little larger. */
  readonly fontSize: number;
}

export type ReportChartId = 'per-hour' | 'per-officer' | 'by-reason' | 'per-day';

/** An ECharts option, typed loosely on purpose (the chart library's own types stay out of main/core). */
export type ChartOption = { readonly [key: string]: unknown };

export interface ReportChart {
  readonly id: ReportChartId;
  readonly title: string;
  /** A height that fits the content (horizontal bar charts grow with their rows), in px. */
  readonly height: number;
  readonly option: ChartOption;
}

export const defaultChartStyle: ReportChartStyle = { fontFamily: 'sans-serif', fontSize: 12 };

/** Dark and light, so the two series stay apart on a grey photocopy. */
export const chartColours = { dark: '#1f4e79', light: '#f0b650', ink: '#000000', grid: '#bfbfbf' } as const;

/** The office opens around 7:00 and closes around 17:00: the hour chart always shows that span. */
const officeHours = { first: 7, last: 17 } as const;

/** The axis labels stay inside the grid's box (ECharts 6's replacement for `containLabel`). */
const labelsInside = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

const barOutline = { borderColor: chartColours.ink, borderWidth: 0.6 };
const rowHeight = 36;

function baseOption(title: string, style: ReportChartStyle): Record<string, unknown> {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: style.fontFamily, fontSize: style.fontSize, color: chartColours.ink },
    title: {
      text: title,
      left: 0,
      top: 0,
      textStyle: {
        fontFamily: style.fontFamily,
        fontSize: style.fontSize + 2,
        fontWeight: 'bold',
        color: chartColours.ink,
      },
    },
    legend: {
      top: 0,
      right: 0,
      textStyle: { fontFamily: style.fontFamily, fontSize: style.fontSize, color: chartColours.ink },
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
}

function axisStyle(style: ReportChartStyle): Record<string, unknown> {
  return {
    axisLine: { lineStyle: { color: chartColours.ink } },
    axisTick: { lineStyle: { color: chartColours.ink } },
    axisLabel: { color: chartColours.ink, fontFamily: style.fontFamily, fontSize: style.fontSize },
    splitLine: { lineStyle: { color: chartColours.grid, type: 'dashed' } },
  };
}

function valueAxis(style: ReportChartStyle): Record<string, unknown> {
  // Counts are whole registrations: no 0.5 ticks on a quiet day.
  return { type: 'value', minInterval: 1, ...axisStyle(style) };
}

function categoryAxis(names: readonly string[], style: ReportChartStyle, extra: object = {}): object {
  return { type: 'category', data: [...names], ...axisStyle(style), splitLine: { show: false }, ...extra };
}

function bars(name: string, colour: string, data: readonly number[], extra: object = {}): object {
  return { type: 'bar', name, data: [...data], itemStyle: { color: colour, ...barOutline }, ...extra };
}

/** The hours the hour chart shows: the office's day, widened to any hour with activity. */
export function visibleHours(byHour: readonly HourFigures[]): HourFigures[] {
  const active = byHour.filter((entry) => entry.received > 0 || entry.decided > 0).map((entry) => entry.hour);
  const first = Math.min(officeHours.first, ...active);
  const last = Math.max(officeHours.last, ...active);
  const byNumber = new Map(byHour.map((entry) => [entry.hour, entry]));
  const hours: HourFigures[] = [];
  for (let hour = first; hour <= last; hour += 1) {
    hours.push(byNumber.get(hour) ?? { hour, received: 0, decided: 0 });
  }
  return hours;
}

/** Received and decided registrations per hour of the Vietnam day (summed over the range). */
export function perHourChart(
  report: Pick<ReportChartInput, 'byHour'>,
  labels: ReportChartLabels,
  style: ReportChartStyle = defaultChartStyle,
): ReportChart {
  const hours = visibleHours(report.byHour);
  return {
    id: 'per-hour',
    title: labels.perHourTitle,
    height: 280,
    option: {
      ...baseOption(labels.perHourTitle, style),
      grid: { left: 8, right: 8, top: 40, bottom: 8, ...labelsInside },
      xAxis: categoryAxis(
        hours.map((entry) => labels.hourLabel(entry.hour)),
        style,
      ),
      yAxis: valueAxis(style),
      series: [
        bars(
          labels.received,
          chartColours.light,
          hours.map((entry) => entry.received),
        ),
        bars(
          labels.decided,
          chartColours.dark,
          hours.map((entry) => entry.decided),
        ),
      ],
    },
  };
}

/** Approved and rejected per officer, stacked, one row per officer (names are long: horizontal bars). */
export function perOfficerChart(
  report: Pick<ReportChartInput, 'byOfficer'>,
  labels: ReportChartLabels,
  style: ReportChartStyle = defaultChartStyle,
): ReportChart {
  const officers = report.byOfficer;
  return {
    id: 'per-officer',
    title: labels.perOfficerTitle,
    height: horizontalHeight(officers.length),
    option: {
      ...baseOption(labels.perOfficerTitle, style),
      grid: { left: 8, right: 16, top: 40, bottom: 8, ...labelsInside },
      xAxis: valueAxis(style),
      // `inverse`: the first officer of the list is drawn at the top, as in the table beside it.
      yAxis: categoryAxis(
        officers.map((officer) => officer.fullName ?? officer.officerId),
        style,
        { inverse: true, axisLabel: wrappedLabel(style) },
      ),
      series: [
        bars(
          labels.approved,
          chartColours.dark,
          officers.map((officer) => officer.approved),
          { stack: 'decisions' },
        ),
        bars(
          labels.rejected,
          chartColours.light,
          officers.map((officer) => officer.rejected),
          { stack: 'decisions' },
        ),
      ],
    },
  };
}

/** Rejections by reason, the most frequent first. */
export function byReasonChart(
  report: Pick<ReportChartInput, 'rejectedByReason'>,
  labels: ReportChartLabels,
  style: ReportChartStyle = defaultChartStyle,
): ReportChart {
  const nameOf = labels.reasonLabel ?? ((reason: ReasonFigures) => reason.labelVi ?? reason.reasonCode);
  // A stable order for equal counts (by code), so the screen and the PDF agree.
  const reasons = [...report.rejectedByReason].sort(
    (left, right) => right.count - left.count || left.reasonCode.localeCompare(right.reasonCode),
  );
  return {
    id: 'by-reason',
    title: labels.byReasonTitle,
    height: horizontalHeight(reasons.length),
    option: {
      ...baseOption(labels.byReasonTitle, style),
      legend: { show: false },
      grid: { left: 8, right: 24, top: 40, bottom: 8, ...labelsInside },
      xAxis: valueAxis(style),
      yAxis: categoryAxis(reasons.map(nameOf), style, {
        inverse: true,
        axisLabel: wrappedLabel(style),
      }),
      series: [
        bars(
          labels.rejected,
          chartColours.dark,
          reasons.map((reason) => reason.count),
          { label: { show: true, position: 'right', color: chartColours.ink, fontFamily: style.fontFamily } },
        ),
      ],
    },
  };
}

/** Received, approved and rejected per day; only worth drawing when the range has several days. */
export function perDayChart(
  report: Pick<ReportChartInput, 'byDay'>,
  labels: ReportChartLabels,
  style: ReportChartStyle = defaultChartStyle,
): ReportChart {
  const days = report.byDay;
  return {
    id: 'per-day',
    title: labels.perDayTitle,
    height: 300,
    option: {
      ...baseOption(labels.perDayTitle, style),
      grid: { left: 8, right: 8, top: 40, bottom: 8, ...labelsInside },
      xAxis: categoryAxis(
        days.map((day) => dayAndMonth(day.date)),
        style,
      ),
      yAxis: valueAxis(style),
      series: [
        bars(
          labels.approved,
          chartColours.dark,
          days.map((day) => day.approved),
          { stack: 'decisions' },
        ),
        bars(
          labels.rejected,
          chartColours.light,
          days.map((day) => day.rejected),
          { stack: 'decisions' },
        ),
        {
          // A line with square markers: tells itself apart from the bars without colour.
          type: 'line',
          name: labels.received,
          data: days.map((day) => day.received),
          symbol: 'rect',
          symbolSize: 7,
          lineStyle: { color: chartColours.ink, width: 1.5, type: 'dashed' },
          itemStyle: { color: chartColours.ink },
        },
      ],
    },
  };
}

/**
 * Every chart worth drawing for this report, in reading order: per day (when the range has several
 * days), per hour, per officer (when anyone decided), by reason (when anything was rejected).
 */
export function reportCharts(
  report: ReportChartInput,
  labels: ReportChartLabels,
  style: ReportChartStyle = defaultChartStyle,
): ReportChart[] {
  const charts: ReportChart[] = [];
  if (report.byDay.length > 1) charts.push(perDayChart(report, labels, style));
  charts.push(perHourChart(report, labels, style));
  if (report.byOfficer.some((officer) => officer.approved + officer.rejected > 0)) {
    charts.push(perOfficerChart(report, labels, style));
  }
  if (report.rejectedByReason.some((reason) => reason.count > 0)) {
    charts.push(byReasonChart(report, labels, style));
  }
  return charts;
}

/** A category label that may wrap (reasons and names are long); the line height keeps lines apart. */
function wrappedLabel(style: ReportChartStyle): object {
  return {
    color: chartColours.ink,
    fontFamily: style.fontFamily,
    fontSize: style.fontSize,
    width: 220,
    overflow: 'break',
    lineHeight: Math.round(style.fontSize * 1.35),
  };
}

function horizontalHeight(rows: number): number {
  return 72 + Math.max(rows, 1) * rowHeight;
}

/** dd/MM of a YYYY-MM-DD day (the year is in the report's header). */
function dayAndMonth(day: string): string {
  const [, month, date] = day.split('-');
  return month !== undefined && date !== undefined ? `${date}/${month}` : day;
}
