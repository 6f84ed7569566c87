import { describe, expect, it } from 'vitest';
import {
  byReasonChart,
  perDayChart,
  perHourChart,
  perOfficerChart,
  reportCharts,
  visibleHours,
  type ChartOption,
  type HourFigures,
  type ReportChartInput,
  type ReportChartLabels,
} from './report-charts.ts';

const labels: ReportChartLabels = {
  perHourTitle: 'Theo giờ',
  perOfficerTitle: 'Theo cán bộ',
  byReasonTitle: 'Lý do từ chối',
  perDayTitle: 'Theo ngày',
  received: 'Tiếp nhận',
  decided: 'Đã xử lý',
  approved: 'Duyệt',
  rejected: 'Từ chối',
  hourLabel: (hour) => `${hour}h`,
};

function emptyHours(): HourFigures[] {
  return Array.from({ length: 24 }, (_, hour) => ({ hour, received: 0, decided: 0 }));
}

function day(overrides: Partial<ReportChartInput> = {}): ReportChartInput {
  return { byHour: emptyHours(), byOfficer: [], rejectedByReason: [], byDay: [], ...overrides };
}

type Series = { name: string; type: string; data: number[]; stack?: string };
const seriesOf = (option: ChartOption) => option['series'] as Series[];
const categoriesOf = (option: ChartOption, axis: 'xAxis' | 'yAxis') =>
  (option[axis] as { data: string[] }).data;

describe('report charts', () => {
  it('shows the office day on a quiet day and widens it to the hours with activity', () => {
    expect(visibleHours(emptyHours()).map((entry) => entry.hour)).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    ]);
    const hours = emptyHours().map((entry) =>
      entry.hour === 6
        ? { hour: 6, received: 2, decided: 0 }
        : entry.hour === 19
          ? { hour: 19, received: 0, decided: 1 }
          : entry,
    );
    const shown = visibleHours(hours);
    expect(shown[0]).toEqual({ hour: 6, received: 2, decided: 0 });
    expect(shown.at(-1)).toEqual({ hour: 19, received: 0, decided: 1 });
    expect(shown).toHaveLength(14);
  });

  it('draws received and decided per hour with the translated hour ticks', () => {
    const hours = emptyHours().map((entry) =>
      entry.hour === 9 ? { hour: 9, received: 5, decided: 3 } : entry,
    );
    const chart = perHourChart(day({ byHour: hours }), labels);
    expect(chart.id).toBe('per-hour');
    expect(categoriesOf(chart.option, 'xAxis')[2]).toBe('9h');
    const [received, decided] = seriesOf(chart.option);
    expect(received).toMatchObject({ name: 'Tiếp nhận', type: 'bar' });
    expect(received?.data[2]).toBe(5);
    expect(decided?.data[2]).toBe(3);
    expect(decided?.data.reduce((sum, value) => sum + value, 0)).toBe(3);
  });

  it('stacks approved over rejected per officer, named by full name or else the staff id', () => {
    const chart = perOfficerChart(
      day({
        byOfficer: [
          { officerId: 'cb01', fullName: 'Nguyễn Thị Thu Hà', approved: 4, rejected: 1 },
          { officerId: 'cb02', fullName: null, approved: 0, rejected: 2 },
        ],
      }),
      labels,
    );
    expect(categoriesOf(chart.option, 'yAxis')).toEqual(['Nguyễn Thị Thu Hà', 'cb02']);
    const [approved, rejected] = seriesOf(chart.option);
    expect(approved).toMatchObject({ name: 'Duyệt', data: [4, 0], stack: 'decisions' });
    expect(rejected).toMatchObject({ name: 'Từ chối', data: [1, 2], stack: 'decisions' });
    expect(chart.height).toBeGreaterThan(perOfficerChart(day(), labels).height);
  });

  it('orders the rejection reasons by count and names them through the caller', () => {
    const byReason = day({
      rejectedByReason: [
        { reasonCode: 'photo-unclear', labelVi: 'Ảnh không rõ', count: 1 },
        { reasonCode: 'card-expired', labelVi: 'Thẻ hết hạn', count: 3 },
        { reasonCode: 'other', labelVi: null, count: 1 },
      ],
    });
    const vietnamese = byReasonChart(byReason, labels);
    expect(categoriesOf(vietnamese.option, 'yAxis')).toEqual(['Thẻ hết hạn', 'other', 'Ảnh không rõ']);
    expect(seriesOf(vietnamese.option)[0]?.data).toEqual([3, 1, 1]);
    const english = byReasonChart(byReason, {
      ...labels,
      reasonLabel: (reason) => `EN ${reason.reasonCode}`,
    });
    expect(categoriesOf(english.option, 'yAxis')[0]).toBe('EN card-expired');
  });

  it('labels the days dd/MM and draws received as a line over the stacked decisions', () => {
    const chart = perDayChart(
      day({
        byDay: [
          { date: '2026-12-01', received: 6, approved: 3, rejected: 1 },
          { date: '2026-12-02', received: 2, approved: 2, rejected: 0 },
        ],
      }),
      labels,
    );
    expect(categoriesOf(chart.option, 'xAxis')).toEqual(['01/12', '02/12']);
    const line = seriesOf(chart.option).find((series) => series.type === 'line');
    expect(line).toMatchObject({ name: 'Tiếp nhận', data: [6, 2] });
  });

  it('never animates and writes its text in black, so prints and screenshots are complete', () => {
    for (const chart of reportCharts(
      day({
        byDay: [
          { date: '2026-12-01', received: 1, approved: 1, rejected: 0 },
          { date: '2026-12-02', received: 1, approved: 0, rejected: 1 },
        ],
        byOfficer: [{ officerId: 'cb01', fullName: null, approved: 1, rejected: 1 }],
        rejectedByReason: [{ reasonCode: 'other', labelVi: null, count: 1 }],
      }),
      labels,
      { fontFamily: 'Be Vietnam Pro', fontSize: 11 },
    )) {
      expect(chart.option['animation']).toBe(false);
      expect(chart.option['textStyle']).toEqual({
        fontFamily: 'Be Vietnam Pro',
        fontSize: 11,
        color: '#000000',
      });
    }
  });

  it('draws only the charts that have something to show', () => {
    expect(
      reportCharts(
        day({ byDay: [{ date: '2026-12-01', received: 0, approved: 0, rejected: 0 }] }),
        labels,
      ).map((chart) => chart.id),
    ).toEqual(['per-hour']);
    const busy = day({
      byDay: [
        { date: '2026-12-01', received: 1, approved: 1, rejected: 0 },
        { date: '2026-12-02', received: 1, approved: 0, rejected: 1 },
      ],
      byOfficer: [{ officerId: 'cb01', fullName: null, approved: 1, rejected: 1 }],
      rejectedByReason: [{ reasonCode: 'other', labelVi: null, count: 1 }],
    });
    expect(reportCharts(busy, labels).map((chart) => chart.id)).toEqual([
      'per-day',
      'per-hour',
      'per-officer',
      'by-reason',
    ]);
  });
});
