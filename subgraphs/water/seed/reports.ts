import { bulkInsert, type Database } from '@govhub/shared';
import type { SituationMode, SituationReportType } from '../generated';
import { addDays, AS_OF } from './common';

/**
 * Crisis periods: the joint operation against the low-pressure system over the South, 31 Oct – 10 Nov 2560,
 * and the southern floods from 1 Dec 2560 (invented, matching Surat Thani's CRISIS level).
 */
const CRISES = [
  { from: '2017-10-31', to: '2017-11-10' },
  { from: AS_OF, to: AS_OF },
];
const FIRST_REPORT_DAY = '2017-10-01';
/** The first Monday of the period: full reports go out weekly on Mondays in normal times. */
const FIRST_WEEKLY_REPORT = '2017-10-02';
const SPECIAL_REPORTS = [
  // the day DDPM's urgent letter มท 0622/ว 541 asked HAII for staff
  { issuedOn: '2017-10-30', title: 'รายงานสถานการณ์สำคัญ: เตรียมพร้อมรับมือความกดอากาศต่ำเคลื่อนตัวเข้าปกคลุมภาคใต้' },
  { issuedOn: AS_OF, title: 'รายงานสถานการณ์สำคัญ: ฝนตกหนักถึงหนักมากในภาคใต้ น้ำท่วมจังหวัดสุราษฎร์ธานี' },
];
const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

type Report = [id: string, type: SituationReportType, mode: SituationMode, issuedOn: string, title: string, synthetic: boolean];

const inCrisis = (day: string) => CRISES.some(({ from, to }) => day >= from && day <= to);
/** Display form of a date: day, Thai month abbreviation, Buddhist Era year. */
const thaiDate = (day: string) => `${Number(day.slice(8))} ${THAI_MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(0, 4)) + 543}`;

/**
 * HAII's three report formats, from 1 Oct to 1 Dec 2560: the full report weekly in normal times and
 * daily in a crisis, the executive summary for the PM Operation Center daily, and special reports on events.
 * The cadence is real; the reports are invented.
 */
export async function seedReports(db: Database): Promise<void> {
  const reports: Report[] = [];
  for (let day = FIRST_REPORT_DAY; day <= AS_OF; day = addDays(day, 1)) {
    const mode: SituationMode = inCrisis(day) ? 'CRISIS' : 'NORMAL';
    reports.push([`exec-${day}`, 'EXEC_SUMMARY', mode, day, `สรุปสถานการณ์น้ำสำหรับผู้บริหาร (PMOC) ${thaiDate(day)}`, true]);
    if (mode === 'CRISIS') {
      reports.push([`full-${day}`, 'FULL', mode, day, `รายงานสถานการณ์น้ำ ภาวะวิกฤต ประจำวันที่ ${thaiDate(day)}`, true]);
    } else if ((Date.parse(day) - Date.parse(FIRST_WEEKLY_REPORT)) % (7 * 86_400_000) === 0) {
      reports.push([`full-${day}`, 'FULL', mode, day, `รายงานสถานการณ์น้ำประจำสัปดาห์ ${thaiDate(day)}`, true]);
    }
  }
  for (const { issuedOn, title } of SPECIAL_REPORTS) reports.push([`special-${issuedOn}`, 'SPECIAL', 'CRISIS', issuedOn, title, true]);
  await bulkInsert(db, 'situation_report', ['id', 'type', 'mode', 'issued_on', 'title', 'synthetic'], reports);
}
