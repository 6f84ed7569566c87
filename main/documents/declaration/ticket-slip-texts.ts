// The words of the kiosk's ticket slip, in the five languages a citizen can use the kiosk in. The
// slip prints the Vietnamese text of every item, for the officer, and the citizen's language under
// it. These are code, not template data: the slip belongs to the kiosk's flow, not to the form
// 01/ĐK-GD an administrator may reword. The Chinese, Japanese and Korean lines are drawn in their
// Noto face alone (the test checks it has a glyph for every character), so they name the cards by
// their Latin abbreviations (CCCD, BHYT) rather than in Vietnamese, which the citizen cannot read.
// Chinese and Japanese are written without spaces: the line breaker then breaks anywhere in them.

export const ticketLanguages = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
export type TicketLanguage = (typeof ticketLanguages)[number];

export interface TicketTexts {
  /** Above the large queue number. */
  queueNumber: string;
  /** Above the form code (the registration code, or the kiosk's reference while offline). */
  formCode: string;
  /** Beside the QR symbol. */
  qrCaption: string;
  submittedAt: string;
  /** The heading of the list of what to bring. */
  bringTitle: string;
  bring: {
    form: string;
    idCard: string;
    healthCard: string;
    /** Only on a child's registration. */
    guardian: string;
  };
  wait: string;
  vssid: string;
  /** Followed by the e-mail address, on the next line. */
  copyEmail: string;
  /** On the dashed line under the ticket. */
  cutHere: string;
}

export const ticketTexts: Record<TicketLanguage, TicketTexts> = {
  vi: {
    queueNumber: 'Số thứ tự',
    formCode: 'Mã hồ sơ',
    qrCaption: 'Quầy tiếp nhận quét mã này để tìm hồ sơ của bạn',
    submittedAt: 'Thời điểm nộp',
    bringTitle: 'Mang đến quầy tiếp nhận',
    bring: {
      form: 'Tờ khai này, đã ký tên',
      idCard: 'Thẻ CCCD / Căn cước (hoặc hộ chiếu) của bạn',
      healthCard: 'Thẻ BHYT của bạn, nếu có',
      guardian:
        'Đăng ký cho trẻ em: thẻ CCCD / Căn cước của người giám hộ và giấy khai sinh hoặc giấy tờ chứng minh quyền giám hộ',
    },
    wait: 'Vui lòng chờ đến khi số thứ tự của bạn được gọi.',
    vssid: 'Cài ứng dụng VssID: sau khi hồ sơ được duyệt, thông tin tài khoản sẽ được gửi về ứng dụng.',
    copyEmail: 'Bản sao tờ khai sẽ được gửi đến:',
    cutHere: 'Cắt theo đường này',
  },
  en: {
    queueNumber: 'Queue number',
    formCode: 'Registration code',
    qrCaption: 'The counter scans this code to find your form',
    submittedAt: 'Submitted at',
    bringTitle: 'What to bring to the counter',
    bring: {
      form: 'This declaration form, signed',
      idCard: 'Your CCCD / Căn cước card (or passport)',
      healthCard: 'Your health insurance (BHYT) card, if any',
      guardian: "For a child: the guardian's ID card and the birth certificate or proof of guardianship",
    },
    wait: 'Please wait until your number is called.',
    vssid: 'Install the VssID app: your account details arrive there once your registration is approved.',
    copyEmail: 'A copy of your declaration will be sent to:',
    cutHere: 'Cut here',
  },
  zh: {
    queueNumber: '排队号',
    formCode: '注册编号',
    qrCaption: '窗口工作人员扫描此码即可找到您的材料',
    submittedAt: '提交时间',
    bringTitle: '请带到窗口',
    bring: {
      form: '本申报表（已签字）',
      idCard: '您的越南公民身份证（CCCD）或护照',
      healthCard: '您的医疗保险卡（BHYT），如有',
      guardian: '为儿童登记：监护人的身份证件，以及儿童的出生证明或监护关系证明',
    },
    wait: '请耐心等候叫号。',
    vssid: '请安装VssID应用：申请获批后，账户信息将发送到该应用。',
    copyEmail: '申报表副本将发送至：',
    cutHere: '沿此线剪下',
  },
  ko: {
    queueNumber: '대기 번호',
    formCode: '등록 번호',
    qrCaption: '창구에서 이 코드를 스캔하여 서류를 찾습니다',
    submittedAt: '신청 일시',
    bringTitle: '창구에 가져오실 것',
    bring: {
      form: '서명한 이 신고서',
      idCard: '본인의 베트남 신분증(CCCD) 또는 여권',
      healthCard: '건강보험증(BHYT)이 있으면 함께 가져오십시오',
      guardian: '자녀 신청 시: 보호자의 신분증, 그리고 자녀의 출생증명서 또는 후견 관계를 증명하는 서류',
    },
    wait: '번호가 호출될 때까지 기다려 주십시오.',
    vssid: 'VssID 앱을 설치하십시오. 신청이 승인되면 계정 정보가 앱으로 전송됩니다.',
    copyEmail: '신고서 사본을 아래 이메일 주소로 보내 드립니다:',
    cutHere: '이 선을 따라 자르십시오',
  },
  ja: {
    queueNumber: '受付番号',
    formCode: '登録番号',
    qrCaption: '窓口でこのコードを読み取り、書類を確認します',
    submittedAt: '申請日時',
    bringTitle: '窓口にお持ちいただくもの',
    bring: {
      form: '署名済みのこの申告書',
      idCard: 'ご本人の国民身分証明書（CCCD）またはパスポート',
      healthCard: '健康保険証（BHYT）（お持ちの場合）',
      guardian: 'お子様の登録の場合：保護者の身分証明書と、お子様の出生証明書または後見関係を証明する書類',
    },
    wait: 'ご自分の番号が呼ばれるまでお待ちください。',
    vssid: 'VssIDアプリをインストールしてください。登録が承認されると、アカウント情報がアプリに届きます。',
    copyEmail: '申告書の控えを次のメールアドレスにお送りします：',
    cutHere: 'この線に沿って切り取ってください',
  },
};
