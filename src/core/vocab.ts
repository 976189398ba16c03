// Shared vocabularies from ../shared/contracts.md. Codes are a public contract: never rename.

export const SKILLS = [
  'management_planning', 'product_development', 'sales_marketing', 'production', 'hr',
  'finance', 'overseas', 'it_dx', 'legal_ip', 'logistics', 'quality', 'pr_branding', 'succession',
] as const;
export type Skill = (typeof SKILLS)[number];

export const SKILL_LABELS: Record<Skill, string> = {
  management_planning: '経営企画・戦略立案',
  product_development: '技術・製品開発',
  sales_marketing: '販売・マーケティング・販路開拓',
  production: '生産管理',
  hr: '人事・労務管理・人材育成',
  finance: '経理・財務管理',
  overseas: '海外展開・国際化',
  it_dx: '情報化・IT活用・DX',
  legal_ip: '法務・特許・知財',
  logistics: '物流管理',
  quality: '品質管理・品質保証・ISO',
  pr_branding: '広報・PR・ブランディング',
  succession: '事業承継・後継者育成',
};

export const WORK_STYLES = ['full_time', 'secondment', 'concurrent', 'side_job', 'pro_bono', 'advisory'] as const;
export type WorkStyle = (typeof WORK_STYLES)[number];

export const WORK_STYLE_LABELS: Record<WorkStyle, string> = {
  full_time: '転職型',
  secondment: '出向型',
  concurrent: '兼業型',
  side_job: '副業型',
  pro_bono: 'プロボノ型',
  advisory: '顧問・業務委託',
};

export const INDUSTRIES = [
  'manufacturing', 'construction', 'wholesale_retail', 'it_communications', 'transport',
  'hospitality_food', 'medical_welfare', 'agriculture_fishery', 'finance_insurance',
  'real_estate', 'education', 'services',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_LABELS: Record<Industry, string> = {
  manufacturing: '製造業',
  construction: '建設業',
  wholesale_retail: '卸売業・小売業',
  it_communications: '情報通信業',
  transport: '運輸業・郵便業',
  hospitality_food: '宿泊業・飲食サービス業',
  medical_welfare: '医療・福祉',
  agriculture_fishery: '農林漁業',
  finance_insurance: '金融業・保険業',
  real_estate: '不動産業',
  education: '教育・学習支援業',
  services: 'その他サービス業',
};

export const DIRECTIONS = ['core_hire', 'core_develop', 'operational', 'non_talent'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  core_hire: '中核人材採用',
  core_develop: '中核人材育成',
  operational: '業務人材採用・育成',
  non_talent: '人材以外の手段で解決（他の支援機関へ）',
};

export const CASE_STATUSES = [
  'intake', 'drafted', 'in_review', 'approved', 'returned', 'matching', 'introduced', 'hired',
  'following_up', 'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  intake: 'ヒアリング中', drafted: '求人案作成済み', in_review: 'コーディネーター確認中',
  approved: '承認済み', returned: '差し戻し', matching: '候補者選定中', introduced: '候補者紹介済み',
  hired: '採用・契約済み', following_up: 'フォローアップ中', closed: '終了',
};

export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;
export type Prefecture = (typeof PREFECTURES)[number];
