import { describe, expect, it, vi } from 'vitest';
import { BOM, createExporter, csvCell, neutralise, toCsv } from './exporter';

describe('CSV export', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\tnext', "'\tnext"],
    ['\rback', "'\rback"],
    ['李明', '李明'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralises a cell that a spreadsheet would run as a formula: %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it('keeps numbers as numbers (a negative number is not a formula) and quotes what needs quoting', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('He said "hi", twice')).toBe('"He said ""hi"", twice"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell(['2026-03-05', '2026-04-12'])).toBe('2026-03-05; 2026-04-12');
    expect(csvCell(['=1+1'])).toBe("'=1+1");
  });

  it('writes rows with CRLF line ends', () => {
    expect(toCsv([['a', 'b'], [1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"');
  });

  it('names related records, labels columns in the UI language and neutralises every text cell', async () => {
    const download = vi.fn();
    const translate = (key: string, options?: Record<string, unknown>) => ({
      'resources.students.fields.studentNo': '学号',
      'resources.students.fields.name': '姓名',
      'app.export.school': '院校',
    } as Record<string, string>)[key] ?? String(options?._ ?? key);
    const exporter = createExporter({
      resource: 'students',
      translate,
      relations: [{ field: 'schoolId', resource: 'schools' }],
      columns: [
        { key: 'schoolName', label: 'app.export.school', value: (r, related) => related.schoolId?.[r.schoolId as number]?.name },
        { key: 'studentNo' },
        { key: 'name' },
      ],
      filename: 'students',
      download,
    });
    const fetchRelated = vi.fn(async () => ({ 7: { id: 7, name: '=杭州职院' } }));
    await exporter(
      [{ id: 1, schoolId: 7, studentNo: '2024001', name: '@李明' }, { id: 2, schoolId: 7, studentNo: '2024002', name: '王芳' }],
      fetchRelated as never,
      {} as never,
      'students',
    );
    expect(fetchRelated).toHaveBeenCalledWith(expect.any(Array), 'schoolId', 'schools');
    const [csv, filename] = download.mock.calls[0] as [string, string];
    expect(filename).toBe('students');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '院校,学号,姓名',
      "'=杭州职院,2024001,'@李明",
      "'=杭州职院,2024002,王芳",
    ]);
  });
});
