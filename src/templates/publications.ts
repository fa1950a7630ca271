// The publications the built-in templates cite, each as a planner can look it up: who published it, its title (in
// quotes) or, where the title is not known, what it reports, its date and its address. ../shared/domain.md lists
// them with the figures taken from each.

/** A citation in both languages, ready to stand in a source note. */
export interface Citation {
  readonly vi: string;
  readonly en: string;
}

/** A published source: publisher, title or subject, date and address (a name or an address is the same in both). */
export interface Publication {
  readonly publisher?: Citation | string;
  /** The title as published (shown in quotes). */
  readonly title?: string;
  /** What it reports, where its exact title is not known. */
  readonly about?: Citation;
  readonly date?: Citation | string;
  readonly address?: string;
}

const both = (text: Citation | string | undefined, lang: keyof Citation): string | undefined =>
  typeof text === 'string' ? text : text?.[lang];

/** The citation of a publication: "Publisher, “Title” (or what it reports), date, address", in each language. */
export function citation(p: Publication): Citation {
  const text = (lang: keyof Citation) =>
    [both(p.publisher, lang), p.title ? `“${p.title}”` : both(p.about, lang), both(p.date, lang), p.address]
      .filter(Boolean)
      .join(', ');
  return { vi: text('vi'), en: text('en') };
}

/** TTXVN on Quảng Ninh's three strategic breakthroughs (2024): GRDP growth 2023, per capita 2023. */
export const TTXVN_2024 = citation({
  publisher: { vi: 'Thông tấn xã Việt Nam (TTXVN)', en: 'Vietnam News Agency (TTXVN)' },
  title: 'Quảng Ninh tập trung thực hiện tốt 3 khâu đột phá chiến lược',
  date: { vi: 'năm 2024', en: '2024' },
});

/** The article on manufacturing in the first half of 2023 and FDI (provincial meeting of 28/6/2023); no publisher named. */
export const MANUFACTURING_H1_2023 = citation({
  about: {
    vi: 'bài viết về công nghiệp chế biến, chế tạo 6 tháng đầu năm 2023 và thu hút FDI của Quảng Ninh (cuộc họp của UBND tỉnh ngày 28/6/2023)',
    en: 'article on Quảng Ninh’s manufacturing in the first half of 2023 and FDI (provincial People’s Committee meeting of 28/6/2023)',
  },
});

/** The Economic Zone Authority on supporting manufacturing businesses (02/03/2021). */
export const EZA_2021 = citation({
  publisher: { vi: 'Ban Quản lý Khu kinh tế Quảng Ninh', en: 'Quảng Ninh Economic Zone Authority' },
  title: 'Đẩy mạnh xúc tiến và hỗ trợ doanh nghiệp công nghiệp chế biến chế tạo…',
  date: '02/03/2021',
});

/** An ninh Thủ đô on manufacturing as one of the three pillars of Quảng Ninh's industry (October 2023). */
export const ANTT = citation({
  publisher: 'An ninh Thủ đô',
  about: {
    vi: 'chế biến, chế tạo là một trong 3 trụ cột của công nghiệp Quảng Ninh',
    en: 'manufacturing as one of the three pillars of Quảng Ninh’s industry',
  },
  date: { vi: 'tháng 10/2023', en: 'October 2023' },
  address: 'antt.vn/che-bien-che-tao-la-mot-trong-3-tru-cot-cua-cong-nghiep-quang-ninh-371411.htm',
});

/** VnEconomy on Quảng Ninh concentrating on manufacturing. */
export const VNECONOMY = citation({
  publisher: 'VnEconomy',
  about: {
    vi: 'Quảng Ninh dồn lực phát triển công nghiệp chế biến, chế tạo',
    en: 'Quảng Ninh concentrating on manufacturing',
  },
  address: 'vneconomy.vn/quang-ninh-don-luc-phat-trien-cong-nghiep-che-bien-che-tao.htm',
});

/** CafeF on Quảng Ninh's 2024 socio-economic results (February 2025). */
export const CAFEF_2024 = citation({
  publisher: 'CafeF',
  about: { vi: 'kết quả kinh tế – xã hội năm 2024 của Quảng Ninh', en: 'Quảng Ninh’s 2024 socio-economic results' },
  date: { vi: 'tháng 2/2025', en: 'February 2025' },
  address: 'cafef.vn',
});

/** Infina's report on Quảng Ninh's 2023 economy from the statistics office's figures. */
export const INFINA_2023 = citation({
  publisher: 'Infina',
  about: {
    vi: 'báo cáo kinh tế Quảng Ninh năm 2023 theo số liệu của cơ quan thống kê',
    en: 'report on Quảng Ninh’s 2023 economy from the statistics office’s figures',
  },
  address: 'congdong.infina.vn',
});

/** VietnamPlus (English edition) on Quảng Ninh's 2020 results. */
export const VIETNAMPLUS_2020 = citation({
  publisher: { vi: 'VietnamPlus (bản tiếng Anh)', en: 'VietnamPlus' },
  about: { vi: 'kết quả kinh tế năm 2020 của Quảng Ninh', en: 'Quảng Ninh’s 2020 economic results' },
  address: 'en.vietnamplus.vn',
});

/** Kinh tế & Đô thị on Quảng Ninh's 2021 results. */
export const KINHTEDOTHI_2021 = citation({
  publisher: 'Kinh tế & Đô thị',
  about: { vi: 'kết quả kinh tế năm 2021 của Quảng Ninh', en: 'Quảng Ninh’s 2021 economic results' },
  address: 'kinhtedothi.vn',
});

/** VnBiz News on Quảng Ninh's manufacturing growth. */
export const VNBIZ = citation({
  publisher: 'VnBiz News',
  about: { vi: 'tăng trưởng công nghiệp chế biến, chế tạo của Quảng Ninh', en: 'Quảng Ninh’s manufacturing growth' },
  address: 'vnbiznews.com',
});

/** Báo Quảng Ninh (English edition) on the province's 2023 results. */
export const BAOQUANGNINH_2023 = citation({
  publisher: { vi: 'Báo Quảng Ninh (bản tiếng Anh)', en: 'Quảng Ninh newspaper' },
  about: { vi: 'kết quả kinh tế năm 2023 của tỉnh', en: 'the province’s 2023 economic results' },
  address: 'english.baoquangninh.vn',
});

/** A secondary source for the 2022 average population. */
export const ALOXE = citation({
  publisher: 'aloxekhach.com',
  about: {
    vi: 'dân số trung bình tỉnh Quảng Ninh năm 2022 (nguồn thứ cấp)',
    en: 'Quảng Ninh’s average population in 2022 (a secondary source)',
  },
});

/** Quân đội nhân dân on the provincial master plan (Decision 80/QĐ-TTg of 11/02/2023). */
export const DECISION_80 = citation({
  publisher: { vi: 'Báo Quân đội nhân dân', en: 'Quân đội nhân dân newspaper' },
  about: {
    vi: 'Quy hoạch tỉnh Quảng Ninh thời kỳ 2021–2030, Quyết định 80/QĐ-TTg ngày 11/02/2023',
    en: 'Quảng Ninh’s master plan 2021–2030, Decision 80/QĐ-TTg of 11/02/2023',
  },
  address: 'qdnd.vn (…719535)',
});

/** Thời báo Tài chính Việt Nam on the 2025 results (statistics office, 7/1/2026). */
export const TBTC_2025 = citation({
  publisher: 'Thời báo Tài chính Việt Nam',
  title: 'Quảng Ninh tăng trưởng kinh tế ấn tượng trong năm 2025',
  date: { vi: 'số liệu của Cục Thống kê, 7/1/2026', en: 'statistics office figures, 7/1/2026' },
  address: 'thoibaotaichinhvietnam.vn/quang-ninh-tang-truong-kinh-te-an-tuong-trong-nam-2025-190171.html',
});

/** Thanh Niên on the provincial People's Council report (15/12/2025). */
export const THANHNIEN_2025 = citation({
  publisher: 'Thanh Niên',
  about: { vi: 'báo cáo tại kỳ họp HĐND tỉnh', en: 'the provincial People’s Council report' },
  date: '15/12/2025',
  address: 'thanhnien.vn',
});

/** Znews on the provinces that grew fastest in 2025. */
export const ZNEWS_2025 = citation({
  publisher: 'Znews',
  title: 'Tỉnh nào tăng trưởng cao nhất cả nước năm 2025',
  address: 'znews.vn/tinh-nao-tang-truong-cao-nhat-ca-nuoc-nam-2025-post1616514.html',
});

/** VietnamPlus on the first nine months of 2025. */
export const VIETNAMPLUS_9M_2025 = citation({
  publisher: 'VietnamPlus',
  about: { vi: 'kết quả kinh tế 9 tháng năm 2025 của Quảng Ninh', en: 'Quảng Ninh’s results for nine months of 2025' },
  address: 'vietnamplus.vn (…post1067544.vnp)',
});

/** VTC News on manufacturing's part in 2025 growth. */
export const VTC_2025 = citation({
  publisher: 'VTC News',
  about: {
    vi: 'đóng góp của công nghiệp chế biến, chế tạo vào tăng trưởng 2025',
    en: 'manufacturing’s part in 2025 growth',
  },
  address: 'vtcnews.vn (…ar1000260.html)',
});

/** VietnamPlus on the 16th provincial Party Congress (25–27/9/2025). */
export const CONGRESS_XVI = citation({
  publisher: 'VietnamPlus',
  about: {
    vi: 'Đại hội đại biểu Đảng bộ tỉnh Quảng Ninh lần thứ XVI, 25–27/9/2025',
    en: 'the 16th Quảng Ninh provincial Party Congress, 25–27/9/2025',
  },
  address: 'vietnamplus.vn (…post1064405.vnp)',
});

/** The press on Resolution 334/NQ-HĐND of 5/2/2026 (the 2026 targets). */
export const RESOLUTION_334 = citation({
  publisher: 'Pháp luật TP.HCM; Nhà đầu tư',
  about: {
    vi: 'Nghị quyết 334/NQ-HĐND ngày 5/2/2026 về chỉ tiêu năm 2026',
    en: 'Resolution 334/NQ-HĐND of 5/2/2026 on the 2026 targets',
  },
  address: 'plo.vn (…post894761.html); nhadautu.vn (…d101558.html)',
});
