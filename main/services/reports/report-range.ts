import { maxReportDays } from '../../../preload/contract/areas/reports.ts';
import { dayRangeProblem, vietnamDayBounds } from '../../core/reports/report-periods.ts';
import { AppError } from '../app-error.ts';

// The one check of a range of Vietnam days, for the reports, their exports and the audit list:
// the same ranges are refused with the same code, words and details wherever they are asked.

/**
 * The instants of `from`…`to` (`[start, end)`, ISO UTC) once the range is two real dates, in order,
 * at most maxReportDays days; else AppError 'report-range-invalid' with details `{from, to,
 * maxDays}` (and `days` when too long).
 */
export function checkReportRange(range: { from: string; to: string }): { start: string; end: string } {
  const { from, to } = range;
  const found = dayRangeProblem(from, to, maxReportDays);
  if (found === null) return vietnamDayBounds(from, to);
  const details = { from, to, maxDays: maxReportDays };
  switch (found.problem) {
    case 'not-a-date':
      throw new AppError('report-range-invalid', `Ngày không hợp lệ: ${from} – ${to}.`, { details });
    case 'backward':
      throw new AppError('report-range-invalid', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', {
        details,
      });
    case 'too-long':
      throw new AppError(
        'report-range-invalid',
        `Một khoảng ngày gồm tối đa ${maxReportDays} ngày (đã chọn ${found.days} ngày).`,
        { details: { ...details, days: found.days } },
      );
  }
}
