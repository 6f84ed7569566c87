// The words of the report files (CSV, XLSX, PDF) in the five languages of the app, Vietnamese
// first: the export takes the reader's language. Code, not settings: the files' layout is the
// app's. The rejection reasons an office defines have only a Vietnamese label (settings
// `rejectionReasons`); the reasons of the default list are translated here, any other keeps its
// Vietnamese label. Numbers never depend on the language, so a CSV read by a program is the same
// table whatever language it was made in (only the labels differ; the `item` column is stable).

export const reportLanguages = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export interface ReportTexts {
  title: string;
  office: string;
  from: string;
  to: string;
  officer: string;
  counter: string;
  all: string;
  asOf: string;
  neverSynced: string;
  generatedAt: string;
  sections: {
    about: string;
    summary: string;
    channels: string;
    pending: string;
    reasons: string;
    officers: string;
    counters: string;
    hours: string;
    days: string;
    kiosk: string;
    sync: string;
    audit: string;
  };
  columns: { section: string; item: string; figure: string; value: string };
  figures: {
    received: string;
    portal: string;
    app: string;
    kiosk: string;
    approved: string;
    rejected: string;
    overrides: string;
    pending: string;
    oldestPending: string;
    underOneDay: string;
    oneToThreeDays: string;
    threeToSevenDays: string;
    overSevenDays: string;
    medianScanToDecision: string;
    formsPrinted: string;
    decided: string;
    fullName: string;
    lastSuccessAt: string;
    backlog: string;
    oldestPendingEvent: string;
    openConflicts: string;
    refusedEvents: string;
  };
  hour: string;
  date: string;
  audit: {
    id: string;
    at: string;
    actor: string;
    action: string;
    subject: string;
    details: string;
    hash: string;
    none: string;
    chainHead: string;
    noChainHead: string;
    truncated: (shown: number, total: number) => string;
  };
  /** The hour axis' tick and the hour column, e.g. "8h" / "08:00". */
  hourLabel: (hour: number) => string;
  perHourTitle: string;
  perOfficerTitle: string;
  byReasonTitle: string;
  perDayTitle: string;
  page: (number: number, total: number) => string;
  reasons: Record<string, string>;
}

export const reportTexts: Record<ReportLanguage, ReportTexts> = {
  vi: {
    title: 'Báo cáo tiếp nhận và xét duyệt hồ sơ',
    office: 'Cơ quan BHXH',
    from: 'Từ ngày',
    to: 'Đến ngày',
    officer: 'Cán bộ',
    counter: 'Quầy',
    all: 'Tất cả',
    asOf: 'Số liệu tính đến lần đồng bộ lúc',
    neverSynced: 'chưa đồng bộ lần nào',
    generatedAt: 'Lập lúc',
    sections: {
      about: 'Thông tin báo cáo',
      summary: 'Tổng hợp',
      channels: 'Hồ sơ tiếp nhận theo kênh',
      pending: 'Hồ sơ đang chờ duyệt',
      reasons: 'Từ chối theo lý do',
      officers: 'Theo cán bộ',
      counters: 'Theo quầy',
      hours: 'Theo giờ',
      days: 'Theo ngày',
      kiosk: 'Hồ sơ nộp tại ki-ốt',
      sync: 'Tình trạng đồng bộ',
      audit: 'Nhật ký kiểm toán',
    },
    columns: { section: 'Phần', item: 'Mục', figure: 'Chỉ tiêu', value: 'Giá trị' },
    figures: {
      received: 'Hồ sơ tiếp nhận',
      portal: 'Cổng Dịch vụ công',
      app: 'Ứng dụng VssID',
      kiosk: 'Ki-ốt',
      approved: 'Đã duyệt',
      rejected: 'Từ chối',
      overrides: 'Duyệt có xác nhận sai lệch',
      pending: 'Đang chờ duyệt',
      oldestPending: 'Hồ sơ chờ lâu nhất nộp lúc',
      underOneDay: 'Dưới 1 ngày',
      oneToThreeDays: 'Từ 1 đến 3 ngày',
      threeToSevenDays: 'Từ 3 đến 7 ngày',
      overSevenDays: 'Trên 7 ngày',
      medianScanToDecision: 'Thời gian trung vị từ quét thẻ đến quyết định (giây)',
      formsPrinted: 'Tờ khai đã in',
      decided: 'Đã xử lý',
      fullName: 'Họ và tên',
      lastSuccessAt: 'Đồng bộ thành công gần nhất',
      backlog: 'Thay đổi chờ gửi',
      oldestPendingEvent: 'Thay đổi chờ gửi lâu nhất từ',
      openConflicts: 'Xung đột chưa xử lý',
      refusedEvents: 'Thay đổi bị máy chủ từ chối',
    },
    hour: 'Giờ',
    date: 'Ngày',
    audit: {
      id: 'Số',
      at: 'Thời điểm',
      actor: 'Người thực hiện',
      action: 'Thao tác',
      subject: 'Đối tượng',
      details: 'Chi tiết',
      hash: 'Mã băm',
      none: 'Không có mục nào trong khoảng thời gian này.',
      chainHead: 'Đầu chuỗi nhật ký',
      noChainHead: 'Nhật ký chưa có chuỗi băm',
      truncated: (shown, total) => `Hiển thị ${shown} trên ${total} mục; tệp XLSX có đủ các mục.`,
    },
    hourLabel: (hour) => `${hour}h`,
    perHourTitle: 'Tiếp nhận và xử lý theo giờ',
    perOfficerTitle: 'Quyết định theo cán bộ',
    byReasonTitle: 'Từ chối theo lý do',
    perDayTitle: 'Theo ngày',
    page: (number, total) => `Trang ${number}/${total}`,
    reasons: {},
  },
  en: {
    title: 'Registration intake and decisions report',
    office: 'Social security office',
    from: 'From',
    to: 'To',
    officer: 'Officer',
    counter: 'Counter',
    all: 'All',
    asOf: 'Figures as of the last sync at',
    neverSynced: 'never synced',
    generatedAt: 'Generated at',
    sections: {
      about: 'About this report',
      summary: 'Summary',
      channels: 'Registrations received by channel',
      pending: 'Registrations waiting for a decision',
      reasons: 'Rejections by reason',
      officers: 'By officer',
      counters: 'By counter',
      hours: 'By hour',
      days: 'By day',
      kiosk: 'Registrations made at a kiosk',
      sync: 'Sync health',
      audit: 'Audit trail',
    },
    columns: { section: 'Section', item: 'Item', figure: 'Figure', value: 'Value' },
    figures: {
      received: 'Registrations received',
      portal: 'Public service portal',
      app: 'VssID app',
      kiosk: 'Kiosk',
      approved: 'Approved',
      rejected: 'Rejected',
      overrides: 'Approved with a confirmed mismatch',
      pending: 'Waiting for a decision',
      oldestPending: 'Oldest waiting registration submitted at',
      underOneDay: 'Less than 1 day',
      oneToThreeDays: '1 to 3 days',
      threeToSevenDays: '3 to 7 days',
      overSevenDays: 'More than 7 days',
      medianScanToDecision: 'Median time from card scan to decision (seconds)',
      formsPrinted: 'Declaration forms printed',
      decided: 'Decided',
      fullName: 'Full name',
      lastSuccessAt: 'Last successful sync',
      backlog: 'Changes waiting to be sent',
      oldestPendingEvent: 'Oldest change waiting since',
      openConflicts: 'Open conflicts',
      refusedEvents: 'Changes refused by the central service',
    },
    hour: 'Hour',
    date: 'Date',
    audit: {
      id: 'No.',
      at: 'Time',
      actor: 'By',
      action: 'Action',
      subject: 'Subject',
      details: 'Details',
      hash: 'Hash',
      none: 'No entries in this period.',
      chainHead: 'Head of the audit chain',
      noChainHead: 'The audit trail has no hash chain yet',
      truncated: (shown, total) => `Showing ${shown} of ${total} entries; the XLSX file has them all.`,
    },
    hourLabel: (hour) => `${String(hour).padStart(2, '0')}:00`,
    perHourTitle: 'Received and decided per hour',
    perOfficerTitle: 'Decisions per officer',
    byReasonTitle: 'Rejections by reason',
    perDayTitle: 'Per day',
    page: (number, total) => `Page ${number} of ${total}`,
    reasons: {
      'identity-mismatch': 'ID document does not match the registration',
      'identity-not-confirmed': 'Applicant absent / identity not confirmed',
      'declaration-missing': 'Declaration missing or not signed',
      'wrong-social-insurance-number': 'Wrong social insurance number',
      'contact-already-registered': 'Phone or e-mail already registered for another number',
      'guardianship-proof-missing': 'Child registration without proof of guardianship',
      other: 'Other reason',
    },
  },
  zh: {
    title: '登记受理与审核报告',
    office: '社会保险机构',
    from: '开始日期',
    to: '结束日期',
    officer: '工作人员',
    counter: '窗口',
    all: '全部',
    asOf: '数据截至最近一次同步',
    neverSynced: '尚未同步',
    generatedAt: '生成时间',
    sections: {
      about: '报告信息',
      summary: '汇总',
      channels: '按渠道受理的登记',
      pending: '待审核的登记',
      reasons: '按原因统计的拒绝',
      officers: '按工作人员',
      counters: '按窗口',
      hours: '按小时',
      days: '按日',
      kiosk: '自助终端提交的登记',
      sync: '同步状态',
      audit: '审计日志',
    },
    columns: { section: '部分', item: '项目', figure: '指标', value: '数值' },
    figures: {
      received: '受理的登记',
      portal: '公共服务门户',
      app: 'VssID 应用',
      kiosk: '自助终端',
      approved: '已批准',
      rejected: '已拒绝',
      overrides: '确认差异后批准',
      pending: '待审核',
      oldestPending: '等待最久的登记提交于',
      underOneDay: '不到1天',
      oneToThreeDays: '1至3天',
      threeToSevenDays: '3至7天',
      overSevenDays: '超过7天',
      medianScanToDecision: '从扫描证件到决定的中位时间（秒）',
      formsPrinted: '已打印的申报表',
      decided: '已处理',
      fullName: '姓名',
      lastSuccessAt: '最近一次成功同步',
      backlog: '待发送的变更',
      oldestPendingEvent: '最早的待发送变更始于',
      openConflicts: '未处理的冲突',
      refusedEvents: '被中心服务拒绝的变更',
    },
    hour: '小时',
    date: '日期',
    audit: {
      id: '编号',
      at: '时间',
      actor: '执行人',
      action: '操作',
      subject: '对象',
      details: '详情',
      hash: '哈希',
      none: '此期间没有记录。',
      chainHead: '审计链头',
      noChainHead: '审计日志尚无哈希链',
      truncated: (shown, total) => `显示 ${total} 条中的 ${shown} 条；XLSX 文件包含全部记录。`,
    },
    hourLabel: (hour) => `${hour}时`,
    perHourTitle: '每小时受理与处理',
    perOfficerTitle: '按工作人员的决定',
    byReasonTitle: '按原因统计的拒绝',
    perDayTitle: '按日',
    page: (number, total) => `第 ${number} 页，共 ${total} 页`,
    reasons: {
      'identity-mismatch': '身份证件与登记不符',
      'identity-not-confirmed': '申请人未到场／身份无法确认',
      'declaration-missing': '缺少申报表或申报表未签名',
      'wrong-social-insurance-number': '社会保险号码错误',
      'contact-already-registered': '电话或电子邮件已用于其他号码',
      'guardianship-proof-missing': '儿童登记缺少监护证明',
      other: '其他原因',
    },
  },
  ko: {
    title: '등록 접수 및 심사 보고서',
    office: '사회보험 기관',
    from: '시작일',
    to: '종료일',
    officer: '담당자',
    counter: '창구',
    all: '전체',
    asOf: '마지막 동기화 시점 기준 수치',
    neverSynced: '동기화한 적 없음',
    generatedAt: '작성 시각',
    sections: {
      about: '보고서 정보',
      summary: '요약',
      channels: '경로별 접수 건수',
      pending: '심사 대기 중인 등록',
      reasons: '사유별 반려',
      officers: '담당자별',
      counters: '창구별',
      hours: '시간대별',
      days: '일별',
      kiosk: '키오스크에서 제출된 등록',
      sync: '동기화 상태',
      audit: '감사 기록',
    },
    columns: { section: '구분', item: '항목', figure: '지표', value: '값' },
    figures: {
      received: '접수된 등록',
      portal: '공공서비스 포털',
      app: 'VssID 앱',
      kiosk: '키오스크',
      approved: '승인',
      rejected: '반려',
      overrides: '불일치 확인 후 승인',
      pending: '심사 대기',
      oldestPending: '가장 오래 기다린 등록의 제출 시각',
      underOneDay: '1일 미만',
      oneToThreeDays: '1~3일',
      threeToSevenDays: '3~7일',
      overSevenDays: '7일 초과',
      medianScanToDecision: '카드 스캔부터 결정까지의 중앙값 (초)',
      formsPrinted: '인쇄된 신고서',
      decided: '처리',
      fullName: '성명',
      lastSuccessAt: '마지막 동기화 성공',
      backlog: '전송 대기 중인 변경',
      oldestPendingEvent: '가장 오래된 전송 대기 변경',
      openConflicts: '미해결 충돌',
      refusedEvents: '중앙 서버가 거부한 변경',
    },
    hour: '시',
    date: '날짜',
    audit: {
      id: '번호',
      at: '시각',
      actor: '수행자',
      action: '작업',
      subject: '대상',
      details: '세부 정보',
      hash: '해시',
      none: '이 기간에 기록이 없습니다.',
      chainHead: '감사 체인의 최신 항목',
      noChainHead: '감사 기록에 아직 해시 체인이 없습니다',
      truncated: (shown, total) => `전체 ${total}건 중 ${shown}건 표시; XLSX 파일에 모두 있습니다.`,
    },
    hourLabel: (hour) => `${hour}시`,
    perHourTitle: '시간대별 접수 및 처리',
    perOfficerTitle: '담당자별 결정',
    byReasonTitle: '사유별 반려',
    perDayTitle: '일별',
    page: (number, total) => `${total}쪽 중 ${number}쪽`,
    reasons: {
      'identity-mismatch': '신분증이 등록 내용과 일치하지 않음',
      'identity-not-confirmed': '신청인 부재 / 신원 확인 불가',
      'declaration-missing': '신고서 누락 또는 미서명',
      'wrong-social-insurance-number': '사회보험 번호 오류',
      'contact-already-registered': '전화 또는 이메일이 다른 번호에 이미 등록됨',
      'guardianship-proof-missing': '아동 등록에 후견 증빙 없음',
      other: '기타 사유',
    },
  },
  ja: {
    title: '登録受付・審査報告書',
    office: '社会保険事務所',
    from: '開始日',
    to: '終了日',
    officer: '担当者',
    counter: '窓口',
    all: 'すべて',
    asOf: '最後の同期時点の数値',
    neverSynced: '未同期',
    generatedAt: '作成日時',
    sections: {
      about: '報告書の情報',
      summary: '概要',
      channels: '経路別の受付件数',
      pending: '審査待ちの登録',
      reasons: '理由別の却下',
      officers: '担当者別',
      counters: '窓口別',
      hours: '時間帯別',
      days: '日別',
      kiosk: 'キオスクで提出された登録',
      sync: '同期の状態',
      audit: '監査ログ',
    },
    columns: { section: '区分', item: '項目', figure: '指標', value: '値' },
    figures: {
      received: '受け付けた登録',
      portal: '公共サービスポータル',
      app: 'VssIDアプリ',
      kiosk: 'キオスク',
      approved: '承認',
      rejected: '却下',
      overrides: '不一致を確認のうえ承認',
      pending: '審査待ち',
      oldestPending: '最も長く待っている登録の提出日時',
      underOneDay: '1日未満',
      oneToThreeDays: '1〜3日',
      threeToSevenDays: '3〜7日',
      overSevenDays: '7日超',
      medianScanToDecision: 'カード読取から決定までの中央値（秒）',
      formsPrinted: '印刷した申告書',
      decided: '処理済み',
      fullName: '氏名',
      lastSuccessAt: '最後に成功した同期',
      backlog: '送信待ちの変更',
      oldestPendingEvent: '最も古い送信待ちの変更',
      openConflicts: '未解決の競合',
      refusedEvents: '中央サービスが拒否した変更',
    },
    hour: '時',
    date: '日付',
    audit: {
      id: '番号',
      at: '日時',
      actor: '実行者',
      action: '操作',
      subject: '対象',
      details: '詳細',
      hash: 'ハッシュ',
      none: 'この期間の記録はありません。',
      chainHead: '監査チェーンの先頭',
      noChainHead: '監査ログにはまだハッシュチェーンがありません',
      truncated: (shown, total) => `${total}件中${shown}件を表示。XLSXファイルにはすべて含まれます。`,
    },
    hourLabel: (hour) => `${hour}時`,
    perHourTitle: '時間帯別の受付と処理',
    perOfficerTitle: '担当者別の決定',
    byReasonTitle: '理由別の却下',
    perDayTitle: '日別',
    page: (number, total) => `${number} / ${total} ページ`,
    reasons: {
      'identity-mismatch': '身分証明書が登録内容と一致しない',
      'identity-not-confirmed': '申請者不在／本人確認ができない',
      'declaration-missing': '申告書がない、または署名がない',
      'wrong-social-insurance-number': '社会保険番号の誤り',
      'contact-already-registered': '電話番号またはメールが別の番号で登録済み',
      'guardianship-proof-missing': '子どもの登録に後見の証明がない',
      other: 'その他の理由',
    },
  },
};

/** A rejection reason's name in the reader's language: the translation, else the office's label, else the code. */
export function reasonName(
  texts: ReportTexts,
  reason: { reasonCode: string; labelVi: string | null },
): string {
  return texts.reasons[reason.reasonCode] ?? reason.labelVi ?? reason.reasonCode;
}
