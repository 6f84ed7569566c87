import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../preload/contract/areas/reports.ts';
import { readReportXlsx, reportDayExpected } from '../../../tests/fixtures/report-day.ts';
import type { AuditExcerpt } from '../../store/audit-log.ts';
import { renderReportFile } from './render-report-file.ts';
import { reportCsv } from './report-csv.ts';
import { reportTexts } from './report-texts.ts';

// The three files of the seeded day (tests/fixtures/report-day.ts) carry its hand-counted figures:
// the CSV byte for byte where it matters (BOM, CRLF, quoting), the XLSX read back sheet by sheet,
// the PDF through pdftotext.

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-report-files-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const chainHash = 'a1b2c3d4e5f6'.padEnd(64, '0');
const audit: AuditExcerpt = {
  entries: [
    {
      id: 41,
      at: '2026-11-30T02:10:00.000Z',
      actor: 'cb-07921-1',
      action: 'decision.recorded',
      subject: 'DK-07921-2026-900001',
      details: { outcome: 'approved', override: false },
      hash: chainHash,
    },
    {
      id: 42,
      at: '2026-11-30T03:00:00.000Z',
      actor: 'gs-07921',
      action: 'report.exported',
      subject: 'x.csv',
      details: {},
      hash: null,
    },
  ],
  total: 2,
  head: { id: 57, hash: chainHash },
};

const render = (
  format: 'csv' | 'xlsx' | 'pdf',
  report: Report = reportDayExpected,
  language = 'vi' as const,
) => renderReportFile({ report, audit, format, language, counterId: 'QUAY-01' });

/** The rows of a CSV where every field is quoted (a small reader: quotes doubled, commas and CR inside). */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '"') throw new Error(`unquoted field at ${index}`);
    let cell = '';
    index += 1;
    for (;;) {
      const quote = text.indexOf('"', index);
      if (quote === -1) throw new Error('unterminated field');
      cell += text.slice(index, quote);
      index = quote + 1;
      if (text[index] !== '"') break;
      cell += '"';
      index += 1;
    }
    row.push(cell);
    if (text[index] === ',') index += 1;
    else if (text.startsWith('\r\n', index)) {
      rows.push(row);
      row = [];
      index += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[index])} at ${index}`);
  }
  return rows;
}

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, CRLF lines, every field quoted', async () => {
    const file = await render('csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n').slice(0, -1))
      expect(line).toMatch(/^"([^"]|"")*"(,"([^"]|"")*")*$/);
    expect(text.split('\r\n')[0]).toBe('"Phần","Mục","Chỉ tiêu","Giá trị"');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
  });

  it('doubles quotes inside a field and keeps commas in it', () => {
    const report = {
      ...reportDayExpected,
      byOfficer: [{ ...reportDayExpected.byOfficer[0]!, fullName: 'Nguyễn "Út", Văn A' }],
    };
    const text = reportCsv(report, reportTexts.vi).toString('utf8');
    expect(text).toContain('"Theo cán bộ","cb-07921-1","Họ và tên","Nguyễn ""Út"", Văn A"\r\n');
  });

  it('defuses text that Excel would run as a formula, and keeps negative numbers as numbers', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tlệnh', '\r=1'];
    const report: Report = {
      ...reportDayExpected,
      byOfficer: hostile.map((fullName, index) => ({
        ...reportDayExpected.byOfficer[0]!,
        officerId: `cb-${index}`,
        fullName,
      })),
      rejectedByReason: [{ reasonCode: 'office-own', labelVi: '=cmd|"/c calc"!A1', count: 2 }],
      // Not a figure the report can have, but the writer must keep a number a number.
      rejected: -5,
    };
    const rows = csvRows(reportCsv(report, reportTexts.vi));
    const names = rows
      .filter((row) => row[0] === 'Theo cán bộ' && row[2] === 'Họ và tên')
      .map((row) => row[3]);
    expect(names).toEqual(hostile.map((name) => `'${name}`));
    expect(rows.find((row) => row[1] === 'office-own')?.[2]).toBe(`'=cmd|"/c calc"!A1`);
    expect(rows.find((row) => row[0] === 'Tổng hợp' && row[1] === 'rejected')?.[3]).toBe('-5');
    // Ordinary text is left alone.
    expect(rows.find((row) => row[1] === 'cb-07921-1')).toBeUndefined();
    expect(
      csvRows(reportCsv(reportDayExpected, reportTexts.vi)).find((row) => row[1] === 'cb-07921-1')?.[3],
    ).toBe('Huỳnh Thị Ngọc Hân');
  });

  it('carries every figure of the day', async () => {
    const rows = csvRows((await render('csv')).bytes);
    const cell = (section: string, item: string, figure: string) =>
      rows.find((row) => row[0] === section && row[1] === item && row[2] === figure)?.[3];
    expect(cell('Tổng hợp', 'received', 'Hồ sơ tiếp nhận')).toBe('17');
    expect(cell('Tổng hợp', 'approved', 'Đã duyệt')).toBe('9');
    expect(cell('Tổng hợp', 'rejected', 'Từ chối')).toBe('5');
    expect(cell('Tổng hợp', 'overrides', 'Duyệt có xác nhận sai lệch')).toBe('2');
    expect(cell('Tổng hợp', 'pending', 'Đang chờ duyệt')).toBe('8');
    expect(
      cell('Tổng hợp', 'median-scan-to-decision', 'Thời gian trung vị từ quét thẻ đến quyết định (giây)'),
    ).toBe('135');
    expect(cell('Tổng hợp', 'forms-printed', 'Tờ khai đã in')).toBe('3');
    expect(
      ['portal', 'app', 'kiosk'].map(
        (channel) => rows.find((row) => row[0] === 'Hồ sơ tiếp nhận theo kênh' && row[1] === channel)?.[3],
      ),
    ).toEqual(['8', '5', '4']);
    expect(
      cell('Từ chối theo lý do', 'identity-mismatch', 'Giấy tờ tùy thân không khớp với hồ sơ đăng ký'),
    ).toBe('2');
    expect(cell('Theo cán bộ', 'cb-07921-2', 'Đã duyệt')).toBe('5');
    expect(cell('Theo cán bộ', 'cb-07921-2', 'Thời gian trung vị từ quét thẻ đến quyết định (giây)')).toBe(
      '',
    );
    expect(cell('Theo quầy', 'QUAY-02', 'Từ chối')).toBe('2');
    expect(cell('Theo giờ', '09', 'Đã xử lý')).toBe('4');
    expect(cell('Theo ngày', '2026-11-30', 'Hồ sơ tiếp nhận')).toBe('17');
    expect(cell('Hồ sơ nộp tại ki-ốt', 'pending', 'Đang chờ duyệt')).toBe('1');
    expect(cell('Thông tin báo cáo', 'as-of', 'Số liệu tính đến lần đồng bộ lúc')).toBe('30/11/2026 17:00');
    expect(cell('Tình trạng đồng bộ', 'open-conflicts', 'Xung đột chưa xử lý')).toBe('1');
    expect(cell('Hồ sơ đang chờ duyệt', 'over-seven-days', 'Trên 7 ngày')).toBe('1');
  });
});

describe('the XLSX export', () => {
  it('reads back with the figures, per officer, counter, hour, day and the audit trail', async () => {
    const sheets = await readReportXlsx((await render('xlsx')).bytes);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'Tổng hợp',
      'Theo cán bộ',
      'Theo quầy',
      'Theo giờ',
      'Theo ngày',
      'Nhật ký kiểm toán',
    ]);
    const [figures, officers, counters, hours, days, trail] = sheets.map((sheet) => sheet.data);
    expect(figures!.find((row) => row[1] === 'received' && row[0] === 'Tổng hợp')?.[3]).toBe(17);
    expect(officers).toEqual([
      [
        'Cán bộ',
        'Họ và tên',
        'Đã duyệt',
        'Từ chối',
        'Duyệt có xác nhận sai lệch',
        'Thời gian trung vị từ quét thẻ đến quyết định (giây)',
      ],
      ['cb-07921-1', 'Huỳnh Thị Ngọc Hân', 3, 3, 0, 135],
      ['cb-07921-2', 'Võ Minh Tuấn', 5, 1, 1, null],
      ['gs-07921', 'Trương Thị Mai', 1, 1, 1, null],
    ]);
    expect(counters!.slice(1)).toEqual([
      ['QUAY-01', 4, 3, 1],
      ['QUAY-02', 5, 2, 1],
    ]);
    expect(hours).toHaveLength(25);
    expect(hours![9]).toEqual(['8h', 3, 3]);
    expect(days!.slice(1)).toEqual([['30/11/2026', 17, 9, 5]]);
    expect(trail![1]).toEqual([
      41,
      '30/11/2026 09:10',
      'cb-07921-1',
      'decision.recorded',
      'DK-07921-2026-900001',
      '{"outcome":"approved","override":false}',
      chainHash,
    ]);
    expect(trail![trail!.length - 1]).toEqual([
      'Đầu chuỗi nhật ký',
      '#57',
      chainHash,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('an audit row the app did not write', () => {
  it('is listed with its text as stored in the XLSX and the PDF, not refused', async () => {
    const damaged: AuditExcerpt = {
      ...audit,
      entries: [{ ...audit.entries[0]!, id: 7, details: { unparsed: '{"outcome":' }, hash: null }],
    };
    const xlsx = await renderReportFile({
      report: reportDayExpected,
      audit: damaged,
      format: 'xlsx',
      language: 'vi',
      counterId: 'QUAY-01',
    });
    const trail = (await readReportXlsx(xlsx.bytes))[5]!.data;
    expect(trail[1]?.[0]).toBe(7);
    expect(trail[1]?.[5]).toBe('{"unparsed":"{\\"outcome\\":"}');
    const pdf = await renderReportFile({
      report: reportDayExpected,
      audit: damaged,
      format: 'pdf',
      language: 'vi',
      counterId: 'QUAY-01',
    });
    const target = path.join(folder, 'damaged.pdf');
    fs.writeFileSync(target, pdf.bytes);
    expect(execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' })).toMatch(
      /7\s+30\/11\/2026 09:10\s+cb-07921-1\s+decision.recorded/,
    );
  });
});

describe('the PDF export', () => {
  async function pdfText(language: 'vi' | 'en' | 'zh' | 'ko' | 'ja' = 'vi'): Promise<string> {
    const file = await render('pdf', reportDayExpected, language as 'vi');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const target = path.join(folder, `report-${language}.pdf`);
    fs.writeFileSync(target, file.bytes);
    return execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
  }

  it('carries the same figures, the as-of line, the charts and the audit appendix with the chain head', async () => {
    const text = await pdfText();
    expect(text).toContain('Báo cáo tiếp nhận và xét duyệt hồ sơ');
    expect(text).toContain('Số liệu tính đến lần đồng bộ lúc 30/11/2026 17:00');
    expect(text).toMatch(/Hồ sơ tiếp nhận\s+17\n/);
    expect(text).toMatch(/Đã duyệt\s+9\n/);
    expect(text).toMatch(/Từ chối\s+5\n/);
    expect(text).toMatch(/Duyệt có xác nhận sai lệch\s+2\n/);
    expect(text).toMatch(/Đang chờ duyệt\s+8\n/);
    expect(text).toMatch(/\(giây\)\s+135\n/);
    expect(text).toMatch(/Tờ khai đã in\s+3\n/);
    expect(text).toMatch(/Cổng Dịch vụ công\s+8\n/);
    expect(text).toMatch(/cb-07921-1\s+Huỳnh Thị Ngọc Hân\s+3\s+3\s+0\s+135/);
    expect(text).toMatch(/QUAY-02\s+5\s+2\s+1/);
    expect(text).toContain('Tiếp nhận và xử lý theo giờ'); // a chart's title, drawn as text
    expect(text).toContain('Nhật ký kiểm toán');
    expect(text).toContain(`Đầu chuỗi nhật ký: #57 ${chainHash}`);
    expect(text).toMatch(/41\s+30\/11\/2026 09:10\s+cb-07921-1\s+decision.recorded/);
  });

  it('prints in the reader language with its face, Vietnamese names included', async () => {
    const text = await pdfText('zh');
    expect(text).toContain('登记受理与审核报告');
    expect(text).toContain('Huỳnh Thị Ngọc Hân');
    expect(text).toMatch(/受理的登记\s+17\n/);
  });
});
