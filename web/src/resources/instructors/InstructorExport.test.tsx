import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { listHandler, users } from '../../test/api';
import { captureDownloads } from '../../test/downloads';
import { renderResource } from '../../test/render-resource';

const blobs = captureDownloads();

/**
 * issue 17 item 3: the instructors' export writes one row per certification, the staff number
 * repeated, under the headers the import reads (server round-trip-instructors.test.ts imports such a
 * file back unchanged).
 */
describe("the instructors' export", () => {
  it('writes one row per certification, and one row for an instructor without any', async () => {
    renderResource('#/instructors', users.school, listHandler('instructors', [
      { id: 1, schoolId: 1, name: '王芳', staffNo: 'T001', email: 'wf@example.edu.cn', validToday: true, certifications: [
        { id: 11, certNo: '1X-T-0001', level: 'senior', validFrom: '2024-07-01', validTo: '2027-06-30' },
        { id: 12, certNo: '1X-T-0002', level: 'junior', validFrom: '2021-07-01', validTo: '2024-06-30' },
      ] },
      { id: 2, schoolId: 1, name: '李明', staffNo: 'T002', email: null, validToday: false, certifications: [] },
    ]));
    await screen.findAllByText('王芳');
    fireEvent.click(await screen.findByRole('button', { name: '导出' }));
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 10_000 });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0].arrayBuffer());
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).split('\r\n').map((line) => line.split(','))).toEqual([
      ['姓名', '工号', '邮箱', '认证编号', '认证级别', '认证有效期起', '认证有效期止', '今日有效'],
      ['王芳', 'T001', 'wf@example.edu.cn', '1X-T-0001', '高级', '2024-07-01', '2027-06-30', '今日有效'],
      ['王芳', 'T001', 'wf@example.edu.cn', '1X-T-0002', '初级', '2021-07-01', '2024-06-30', '今日有效'],
      ['李明', 'T002', '', '', '', '', '', '今日无有效认证'],
    ]);
  });
});
