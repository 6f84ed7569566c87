import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChart } from '../../core/reports/report-charts.ts';

// The report's charts as SVG text, drawn by ECharts on the server (no DOM: `ssr: true`), from the
// same option objects the screen draws (main/core/reports/report-charts.ts). The PDF then lays the
// SVG into the page as vectors (svg-to-pdfkit), so a printed chart is as sharp as its text.

// The series kinds the shared options use: bars, and the per-day chart's "received" line.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export function chartSvg(chart: ReportChart, width: number): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: chart.height });
  try {
    instance.setOption(chart.option as echarts.EChartsCoreOption);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
