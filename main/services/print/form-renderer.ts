import type { Registration } from '../../core/registration/registration.ts';
import { loadDeclarationTemplate } from '../../documents/declaration/load-declaration-template.ts';
import type { FormRenderer, RenderedForm } from './print-ports.ts';

// The documents module behind the print queue: the template is read (and an administrator's
// replacement validated) at every render, cheaply (it is cached by file time), so a new template
// dropped into the data directory applies to the next form without a restart.

/** The test page's sample citizen: obviously not a person, with every diacritic the font must carry. */
const samplePerson: Omit<Registration, 'officeCode'> = {
  code: 'IN-THU-0000',
  socialInsuranceNumber: '0000000000',
  fullName: 'Nguyễn Thị Mẫu Ắ Ổ Ữ Đ',
  dateOfBirth: '2000-01-01',
  sex: 'female',
  idDocument: { type: 'cccd', number: '000000000000', issueDate: '2021-01-01', issuePlace: 'Trang in thử' },
  address: 'Trang in thử của máy in — không phải hồ sơ thật',
  phone: null,
  email: null,
  channel: 'kiosk',
  submittedAt: '2026-01-01T00:00:00.000Z',
  guardian: null,
  status: 'pending',
  decision: null,
};

type RenderOptions = Omit<Parameters<FormRenderer['declaration']>[0], 'registration'>;

export function createFormRenderer(dataDirectory: string, officeCode: () => string): FormRenderer {
  const render = async (registration: Registration, options: RenderOptions): Promise<RenderedForm> => {
    const loaded = await loadDeclarationTemplate(dataDirectory);
    // pdfkit and its fonts load with the first form, not at the app's start (≈ 150 ms of a kiosk's
    // start-up before the attract screen, for something nobody printed yet).
    const { renderDeclarationDocument } =
      await import('../../documents/declaration/render-declaration-pdf.ts');
    const rendered = await renderDeclarationDocument(
      {
        registration,
        office: { code: registration.officeCode, name: null },
        printedAt: options.printedAt,
        summaryLanguage: options.summaryLanguage,
        ticket: options.ticket ?? null,
        training: options.training,
        paperSize: options.paperSize,
      },
      loaded.template,
    );
    return {
      pdf: rendered.pdf,
      pages: rendered.pages,
      template: { source: loaded.source, revision: loaded.revision, problem: loaded.problem },
    };
  };
  return {
    declaration: ({ registration, ...options }) => render(registration, options),
    testPage: ({ paperSize, printedAt }) =>
      render(
        { ...samplePerson, officeCode: officeCode() },
        { paperSize, printedAt, summaryLanguage: null, training: true },
      ),
  };
}
