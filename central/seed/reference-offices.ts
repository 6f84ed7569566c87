// The offices of the synthetic data set. Codes follow the `PPDDD` shape BHXH uses for district
// offices (province + office); names and streets are real places, people are not. Wards use the
// names in force after the 2025 administrative merger (no district level), as cards issued since do.

export interface ReferenceOffice {
  officeCode: string;
  name: string;
  /** 3-digit birth-registration province code (digits 1–3 of the ID number). */
  provinceCode: string;
  /** 2-digit code that starts social-insurance numbers issued there. */
  insuranceProvinceCode: string;
  city: string;
  wards: readonly string[];
  streets: readonly string[];
  /** Share of the registrations; the first office gets the most. */
  weight: number;
}

export const referenceOffices: readonly ReferenceOffice[] = [
  {
    officeCode: '01001',
    name: 'BHXH khu vực Ba Đình, Hà Nội',
    provinceCode: '001',
    insuranceProvinceCode: '01',
    city: 'Thành phố Hà Nội',
    wards: ['Phường Ba Đình', 'Phường Ngọc Hà', 'Phường Giảng Võ', 'Phường Tây Hồ', 'Phường Cửa Nam'],
    streets: [
      'phố Đội Cấn',
      'phố Kim Mã',
      'phố Giảng Võ',
      'phố Liễu Giai',
      'phố Văn Cao',
      'đường Hoàng Hoa Thám',
      'phố Nguyễn Thái Học',
      'ngõ 12 phố Đào Tấn',
    ],
    weight: 40,
  },
  {
    officeCode: '07921',
    name: 'BHXH khu vực Sài Gòn, TP. Hồ Chí Minh',
    provinceCode: '079',
    insuranceProvinceCode: '79',
    city: 'Thành phố Hồ Chí Minh',
    wards: [
      'Phường Sài Gòn',
      'Phường Bến Thành',
      'Phường Tân Định',
      'Phường Cầu Ông Lãnh',
      'Phường Xuân Hòa',
    ],
    streets: [
      'đường Lê Lợi',
      'đường Nguyễn Huệ',
      'đường Hai Bà Trưng',
      'đường Pasteur',
      'đường Lý Tự Trọng',
      'đường Nam Kỳ Khởi Nghĩa',
      'đường Điện Biên Phủ',
      'đường Võ Văn Tần',
    ],
    weight: 22,
  },
  {
    officeCode: '04801',
    name: 'BHXH khu vực Hải Châu, Đà Nẵng',
    provinceCode: '048',
    insuranceProvinceCode: '48',
    city: 'Thành phố Đà Nẵng',
    wards: ['Phường Hải Châu', 'Phường Hòa Cường', 'Phường Thanh Khê', 'Phường Sơn Trà'],
    streets: [
      'đường Bạch Đằng',
      'đường Trần Phú',
      'đường Lê Duẩn',
      'đường Nguyễn Văn Linh',
      'đường Hùng Vương',
      'đường Ông Ích Khiêm',
    ],
    weight: 14,
  },
  {
    officeCode: '03101',
    name: 'BHXH khu vực Hồng Bàng, Hải Phòng',
    provinceCode: '031',
    insuranceProvinceCode: '31',
    city: 'Thành phố Hải Phòng',
    wards: ['Phường Hồng Bàng', 'Phường Lê Chân', 'Phường Ngô Quyền', 'Phường Gia Viên'],
    streets: [
      'đường Điện Biên Phủ',
      'đường Lạch Tray',
      'đường Trần Phú',
      'đường Hoàng Văn Thụ',
      'phố Tam Bạc',
    ],
    weight: 12,
  },
  {
    officeCode: '09201',
    name: 'BHXH khu vực Ninh Kiều, Cần Thơ',
    provinceCode: '092',
    insuranceProvinceCode: '92',
    city: 'Thành phố Cần Thơ',
    wards: ['Phường Ninh Kiều', 'Phường Cái Khế', 'Phường Tân An', 'Phường An Bình'],
    streets: [
      'đường Hòa Bình',
      'đường 30 Tháng 4',
      'đường Trần Hưng Đạo',
      'đường Mậu Thân',
      'đường Nguyễn Trãi',
    ],
    weight: 12,
  },
];
