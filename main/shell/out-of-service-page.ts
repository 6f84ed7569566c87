// The page a window shows when its app page keeps crashing (crash-recovery-policy.ts). It must work
// when nothing else does, so it is built here as a data: URL: electron-builder packages only dist/,
// and a file next to the shell's bundle would be one more thing to go missing. It has no script and
// loads nothing (its CSP allows only its own stylesheet, by hash); being no app page, the IPC bridge
// refuses any call from it (isAppPageUrl). The window loads it with loadURL, which the navigation
// guards, there for links the page follows, do not see.
import { createHash } from 'node:crypto';
import type { WindowMode } from './crash-recovery-policy.ts';

const style = [
  'html,body{margin:0;height:100%;background:#f4f6f9;color:#10243e}',
  'body{display:flex;align-items:center;justify-content:center;user-select:none;cursor:default;',
  'font-family:"Be Vietnam Pro","Segoe UI","Noto Sans","DejaVu Sans",sans-serif}',
  'main{max-width:48rem;padding:2rem;text-align:center}',
  'h1{font-size:3rem;margin:0 0 1.5rem}',
  'p{font-size:1.75rem;line-height:1.5;margin:0 0 1rem}',
  '.en{margin-top:2.5rem;color:#3d5573;font-size:1.4rem}',
  '.en strong{display:block;font-size:1.75rem}',
].join('');

interface PageText {
  title: string;
  lines: string[];
  englishTitle: string;
  englishLines: string[];
}

function text(mode: WindowMode, retryMinutes: number): PageText {
  if (mode === 'kiosk') {
    return {
      title: 'Máy tạm ngừng phục vụ',
      lines: ['Xin lỗi quý khách.', 'Mời quý khách đến quầy tiếp nhận hồ sơ để được hỗ trợ.'],
      englishTitle: 'Out of service',
      englishLines: ['Sorry. Please go to a reception counter for help.'],
    };
  }
  return {
    title: 'Ứng dụng gặp lỗi nhiều lần liên tiếp',
    lines: [
      `Ứng dụng sẽ tự mở lại sau khoảng ${retryMinutes} phút.`,
      'Nếu lỗi còn lặp lại, hãy khởi động lại máy và báo bộ phận công nghệ thông tin.',
    ],
    englishTitle: 'The app stopped several times in a row',
    englishLines: [
      `It will open again by itself in about ${retryMinutes} minutes.`,
      'If this keeps happening, restart the PC and tell IT.',
    ],
  };
}

/** The out-of-service page for a kiosk (citizens: go to a counter) or a counter (officers). */
export function outOfServicePageUrl(mode: WindowMode, retryInMs: number): string {
  const retryMinutes = Math.max(1, Math.round(retryInMs / 60_000));
  const page = text(mode, retryMinutes);
  const styleHash = createHash('sha256').update(style).digest('base64');
  const html = [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'">`,
    `<title>${page.title} — ${page.englishTitle}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${page.title}</h1>`,
    ...page.lines.map((line) => `<p>${line}</p>`),
    `<p class="en" lang="en"><strong>${page.englishTitle}</strong>${page.englishLines.join(' ')}</p>`,
    '</main>',
    '</body>',
    '</html>',
  ].join('');
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
