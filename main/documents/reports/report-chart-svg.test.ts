import { describe, expect, it } from 'vitest';
import { perDayChart, type ReportChartLabels } from '../../core/reports/report-charts.ts';
import { chartSvg } from './report-chart-svg.ts';

const labels = new Proxy({} as ReportChartLabels, { get: (_target, key) => String(key) });

describe('chart SVG for the PDF', () => {
  it('draws every series of the per-day chart, its "received" line included', () => {
    const chart = perDayChart(
      {
        byDay: [
          { date: '2026-11-29', received: 4, approved: 2, rejected: 1 },
          { date: '2026-11-30', received: 9, approved: 5, rejected: 2 },
        ],
      },
      labels,
    );
    const svg = chartSvg(chart, 500);
    // The line series is one stroked path with no fill, dashed; bars are filled paths.
    expect(svg).toMatch(/<path[^>]*fill="none"[^>]*stroke-dasharray/);
    expect(svg).toContain('received');
  });
});
