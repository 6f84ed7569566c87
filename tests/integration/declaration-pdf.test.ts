// The declaration PDF as people and machines will read it: the text a viewer extracts
// (pdftotext) with every value and its diacritics, the page count a viewer sees (pdfinfo), the QR
// symbol read back by the app's own decoder from a 150 dpi raster, and the page compared with a
// reviewed reference image at 50 dpi.
//
// The reference, tests/fixtures/form-reference/documented-example-a4-50dpi.png, is the documented
// example of REGISTRATION.md printed at 2026-11-21T02:30:00Z with the default template. After an
// intended change to the layout, regenerate it and LOOK at it before committing:
//   UPDATE_FORM_REFERENCE=1 npx vitest run tests/integration/declaration-pdf.test.ts
import { existsSync, readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '../../main/core/registration/registration.ts';
import { summaryLanguages } from '../../main/documents/declaration/declaration-template-schema.ts';
import { loadDeclarationTemplate } from '../../main/documents/declaration/load-declaration-template.ts';
import {
  renderDeclarationPdf,
  type DeclarationInput,
} from '../../main/documents/declaration/render-declaration-pdf.ts';
import { decodeQrImageFile } from '../../main/host/qr-image/decode-image-file.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import {
  differingShare,
  grayPixels,
  pdfInfo,
  pdfText,
  popplerMissing,
  rasterisePage,
  writePdf,
} from './support/declaration-poppler.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures');
const referencePng = path.join(fixtures, 'form-reference', 'documented-example-a4-50dpi.png');

const registration = (name: string): Registration =>
  JSON.parse(readFileSync(path.join(fixtures, 'registrations', `${name}.json`), 'utf8')) as Registration;

const documented = registration('documented-example');
const adult = registration('adult-cccd');
const child = registration('child-with-guardian');
const printedAt = new Date('2026-11-21T02:30:00Z');

const input = (value: Registration, extra: Partial<DeclarationInput> = {}): DeclarationInput => ({
  registration: value,
  office: { code: value.officeCode, name: null },
  printedAt,
  summaryLanguage: null,
  training: false,
  ...extra,
});

const directory = makeTemporaryDirectory('declaration-pdf');
afterAll(() => directory.remove());
const { template } = await loadDeclarationTemplate(null);
let counter = 0;

async function render(value: DeclarationInput): Promise<string> {
  counter += 1;
  return writePdf(directory.path, `form-${counter}.pdf`, await renderDeclarationPdf(value, template));
}

/** pdftotext output without whitespace: CJK text and wrapped values compare regardless of spacing. */
const compact = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(popplerMissing !== null)('declaration PDF (poppler)', () => {
  if (popplerMissing !== null) console.warn(popplerMissing);

  it('prints every field of an adult with correct diacritics, the headings, on one page', async () => {
    const file = await render(input(adult));
    expect((await pdfInfo(file)).pages).toBe(1);
    const text = await pdfText(file);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      'Mẫu số 01/ĐK-GD',
      'TỜ KHAI',
      'ĐĂNG KÝ GIAO DỊCH ĐIỆN TỬ VỚI CƠ QUAN BẢO HIỂM XÃ HỘI',
      'Nguyễn Thị Thu Hằng',
      '03/12/1985',
      'Nữ',
      '0123456789',
      'Thẻ Căn cước công dân / Thẻ Căn cước',
      '001185012345',
      '15/03/2022',
      'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      'Số 12 ngõ 12 phố Đào Tấn, Phường Ngọc Hà, Thành phố Hà Nội',
      '0912345678',
      'hang.nguyen@example.vn',
      'Ki-ốt tự phục vụ',
      // 17:05 UTC on the 30th is 00:05 on 1 December in Hà Nội.
      '01/12/2026 00:05',
      'DK-01001-2026-004517',
      'BHXH khu vực Ba Đình, Hà Nội (mã 01001)',
      'Kính gửi: BHXH khu vực Ba Đình, Hà Nội',
      'Tôi cam đoan những nội dung kê khai trên là đúng sự thật',
      'Hà Nội, ngày 21 tháng 11 năm 2026',
      'NGƯỜI KÊ KHAI',
      '(Ký, ghi rõ họ tên)',
    ]) {
      expect(text, expected).toContain(expected.normalize('NFC'));
    }
    // No guardian block for an adult, and no training mark outside training.
    expect(text).not.toContain('NGƯỜI GIÁM HỘ');
    expect(text).not.toContain('BẢN IN THỬ');
    const info = await pdfInfo(file);
    expect(info.fields.Author).toBe('BHXH kiosk');
    expect(info.fields.Title).toContain('DK-01001-2026-004517');
    expect(info.fields.CreationDate).toMatch(/Nov 21 02:30:00 2026/);
  });

  it('prints the guardian block for a child, with the guardian signing too', async () => {
    const file = await render(input(child));
    expect((await pdfInfo(file)).pages).toBe(1);
    const text = await pdfText(file);
    for (const expected of [
      'THÔNG TIN NGƯỜI GIÁM HỘ',
      'Lê Văn Đức',
      '048088001122',
      'Cha',
      'NGƯỜI GIÁM HỘ',
      'Lê Ngọc Bảo Châu',
      'Ứng dụng VssID',
      'Đà Nẵng, ngày 21 tháng 11 năm 2026',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // No phone, no email: the blank mark, not "null".
    expect(text).not.toContain('null');
  });

  it('carries a QR symbol that decodes to exactly the registration code', async () => {
    for (const value of [documented, { ...adult, code: 'DK-01001-2026-004517/Ưu-tiên' }]) {
      const file = await render(input(value));
      const png = await rasterisePage(file, 1, 150);
      const decoded = await decodeQrImageFile(png);
      expect(decoded.ok && decoded.text).toBe(value.code);
    }
  });

  it('looks like the reviewed reference', async () => {
    const file = await render(input(documented));
    const png = await rasterisePage(file, 1, 50, { gray: true });
    if (process.env.UPDATE_FORM_REFERENCE === '1' || !existsSync(referencePng)) {
      await copyFile(png, referencePng);
      if (process.env.UPDATE_FORM_REFERENCE !== '1')
        throw new Error(`wrote a missing reference ${referencePng}: review it`);
    }
    const reference = await grayPixels(referencePng);
    expect(differingShare(await grayPixels(png), reference)).toBeLessThan(0.005);
    // The comparison can fail: another person's form is far from the reference.
    const other = await rasterisePage(await render(input(adult)), 1, 50, { gray: true });
    expect(differingShare(await grayPixels(other), reference)).toBeGreaterThan(0.005);
  });

  it('marks every page of a training print', async () => {
    const file = await render(input(documented, { training: true, summaryLanguage: 'en' }));
    expect((await pdfInfo(file)).pages).toBe(2);
    for (const page of [1, 2]) {
      expect(await pdfText(file, page)).toContain('BẢN IN THỬ — CHẾ ĐỘ ĐÀO TẠO, KHÔNG CÓ GIÁ TRỊ');
    }
  });

  it('falls back to the default template with a problem when the replacement is broken', async () => {
    const data = path.join(directory.path, 'data');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(data, 'forms'), { recursive: true });
    await writeFile(
      path.join(data, 'forms', 'declaration-01-dk-gd.json'),
      '{"formatVersion": 1, "title": "x"}',
    );
    const loaded = await loadDeclarationTemplate(data);
    expect(loaded.source).toBe('default');
    expect(loaded.problem?.code).toBe('form-template-invalid');
    expect(loaded.problem?.issues.length).toBeGreaterThan(0);
    const file = await writePdf(
      directory.path,
      'fallback.pdf',
      await renderDeclarationPdf(input(documented), loaded.template),
    );
    expect(await pdfText(file)).toContain('TỜ KHAI');
  });

  describe('hostile values', () => {
    const longName = 'Nguyễn'.repeat(33) + 'Vũ'; // 200 characters, no space
    const hostile: Registration = {
      ...adult,
      code: `DK-${'9'.repeat(61)}`,
      fullName: longName,
      address: `\u202e${'Số 1 đường Điện Biên Phủ, '.repeat(19)}`.slice(0, 500),
      idDocument: { ...adult.idDocument, issuePlace: `Cục\u0000 Cảnh sát 😀 ${'x̸̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪'.repeat(5)}`.slice(0, 200) },
      email: `${'a'.repeat(240)}@example.vn`,
      guardian: {
        fullName: `Trần\u2066 ${'Thị '.repeat(49)}`.slice(0, 200),
        idNumber: '0'.repeat(20),
        relationship: 'M'.repeat(100),
      },
    };

    it('keep the form one page, readable, with sanitized text and a valid file', async () => {
      const file = await render(input(hostile, { summaryLanguage: 'ja' }));
      const info = await pdfInfo(file);
      expect(info.pages).toBe(2);
      const text = await pdfText(file, 1);
      // The name wraps inside its box and is cut with "…" rather than pushing the form apart.
      expect(compact(text)).toContain('Nguyễn'.repeat(8));
      expect(text).toContain('…');
      expect(text).toContain('Số 1 đường Điện Biên Phủ');
      expect(text).toContain('Cục Cảnh sát');
      for (const forbidden of ['\u202e', '\u2066', '\u0000']) expect(text).not.toContain(forbidden);
      // Everything after the fields is still there, in order, on page 1.
      const order = ['I. THÔNG TIN NGƯỜI ĐĂNG KÝ', 'Tôi cam đoan', 'NGƯỜI KÊ KHAI', 'bản mẫu 2026-12'].map(
        (marker) => text.indexOf(marker),
      );
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      const png = await rasterisePage(file, 1, 150);
      const decoded = await decodeQrImageFile(png);
      expect(decoded.ok && decoded.text).toBe(hostile.code);
    });

    it('keep an A5 print to one page too', async () => {
      const file = await render(input(hostile, { paperSize: 'A5' }));
      const info = await pdfInfo(file);
      expect(info.pages).toBe(1);
      expect(info.fields['Page size']).toMatch(/419\.53 x 595\.28/);
    });
  });

  describe('summary pages', () => {
    const expectations: Record<(typeof summaryLanguages)[number], string[]> = {
      en: ['Summary of your VssID registration', 'Social insurance number', 'Female', 'What to do next'],
      zh: ['VssID注册信息摘要', '社会保险号', '女', '下一步', '受理机构'],
      ko: ['VssID등록내용요약', '사회보험번호', '여성', '다음절차', '접수기관'],
      ja: ['VssID登録内容の要約', '社会保険番号', '女性', '次の手続き', '受付機関'],
    };

    beforeAll(() => {
      expect(Object.keys(expectations).sort()).toEqual([...summaryLanguages].sort());
    });

    for (const language of summaryLanguages) {
      it(`${language}: translated labels, the Vietnamese values intact, the same QR code`, async () => {
        const file = await render(input(adult, { summaryLanguage: language }));
        expect((await pdfInfo(file)).pages).toBe(2);
        const page = compact(await pdfText(file, 2));
        for (const expected of expectations[language]) expect(page, expected).toContain(compact(expected));
        for (const value of [
          'Nguyễn Thị Thu Hằng',
          'Số 12 ngõ 12 phố Đào Tấn',
          'DK-01001-2026-004517',
          '03/12/1985',
        ]) {
          expect(page, value).toContain(compact(value));
        }
        // Page 1 is still the Vietnamese form.
        expect(await pdfText(file, 1)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        const decoded = await decodeQrImageFile(await rasterisePage(file, 2, 150));
        expect(decoded.ok && decoded.text).toBe(adult.code);
      });
    }
  });
});
