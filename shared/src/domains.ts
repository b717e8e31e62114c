/** The hub's built-in domains: one Apollo subgraph per integration committee plus the hub's own governance. */
export interface DomainInfo {
  readonly name: DomainName;
  readonly port: number;
  readonly committeeEn: string;
  readonly committeeTh: string;
  readonly lead: string;
  readonly order: string;
}

export const DOMAIN_NAMES = ['governance', 'citizen', 'water', 'security', 'resources', 'disaster', 'tourism', 'business'] as const;
export type DomainName = (typeof DOMAIN_NAMES)[number];

export const GATEWAY_PORT = 4000;

export const DOMAINS: Record<DomainName, DomainInfo> = {
  governance: {
    name: 'governance',
    port: 4001,
    lead: 'EGA',
    order: '187/2558',
    committeeEn: 'Steering Committee for Government Data Integration (hub governance)',
    committeeTh: 'คณะกรรมการขับเคลื่อนการบูรณาการฐานข้อมูลกลางภาครัฐ',
  },
  citizen: {
    name: 'citizen',
    port: 4002,
    lead: 'DOPA',
    order: '188/2558',
    committeeEn: 'Citizens and government services',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลประชาชนและการบริการภาครัฐ',
  },
  water: {
    name: 'water',
    port: 4003,
    lead: 'HAII',
    order: '189/2558',
    committeeEn: 'Water and climate',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลน้ำและภูมิอากาศแห่งชาติ',
  },
  security: {
    name: 'security',
    port: 4004,
    lead: 'NSC',
    order: '190/2558',
    committeeEn: 'Security',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลด้านความมั่นคง',
  },
  resources: {
    name: 'resources',
    port: 4005,
    lead: 'MNRE',
    order: '191/2558',
    committeeEn: 'Resources and government structure administration',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลด้านทรัพยากรและบริหารโครงสร้างภาครัฐ',
  },
  disaster: {
    name: 'disaster',
    port: 4006,
    lead: 'DDPM',
    order: 'draft (Dec 2560)',
    committeeEn: 'Disaster and natural hazards',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลด้านการจัดการภัยพิบัติและภัยธรรมชาติ',
  },
  tourism: {
    name: 'tourism',
    port: 4007,
    lead: 'MOTS',
    order: '3 Oct 2560',
    committeeEn: 'Tourism',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลด้านการท่องเที่ยว',
  },
  business: {
    name: 'business',
    port: 4008,
    lead: 'MOC',
    order: '3 Oct 2560',
    committeeEn: 'Business facilitation',
    committeeTh: 'คณะกรรมการบูรณาการฐานข้อมูลด้านการอำนวยความสะดวกในการประกอบธุรกิจ',
  },
};

export function isDomainName(name: string): name is DomainName {
  return (DOMAIN_NAMES as readonly string[]).includes(name);
}
