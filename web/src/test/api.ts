import { http, HttpResponse } from 'msw';

export const API = 'http://localhost/api';

export const regions = [
  { id: 1, code: 'east', nameZh: '华东', nameEn: 'East China', provinces: ['浙江', '江苏', '上海'], sortOrder: 1 },
  { id: 2, code: 'south', nameZh: '华南', nameEn: 'South China', provinces: ['广东', '广西'], sortOrder: 2 },
];

export const schools = [
  { id: 1, name: '杭州职业技术学院', nameEn: 'Hangzhou Vocational & Technical College', regionId: 1, province: '浙江', city: '杭州', kind: 'vocational', tier: 'industry_college', status: 'partner', contactName: '张老师', createdAt: '2024-03-01T08:00:00+08:00' },
  { id: 2, name: '广东外语外贸大学', nameEn: null, regionId: 2, province: '广东', city: '广州', kind: 'university', tier: 'talent_base', status: 'partner', contactName: null, createdAt: '2024-04-01T08:00:00+08:00' },
  { id: 3, name: '宁波城市职业技术学院', nameEn: null, regionId: 1, province: '浙江', city: '宁波', kind: 'vocational', tier: null, status: 'prospect', contactName: null, createdAt: '2025-01-10T08:00:00+08:00' },
];

export const users = {
  hq: { id: 1, email: 'hq@demo.test', name: '王总部', role: 'hq', regionIds: [], schoolId: null, providerId: null, locale: 'zh' },
  school: { id: 4, email: 'school@demo.test', name: '李老师', role: 'school', regionIds: [], schoolId: 1, providerId: null, locale: 'zh' },
  provider: { id: 6, email: 'provider@demo.test', name: '赵服务', role: 'provider', regionIds: [], schoolId: null, providerId: 1, locale: 'zh' },
} as const;

type Row = { id: number; [key: string]: unknown };

/** A list endpoint of the simple-REST protocol over fixed rows: filters by equality (arrays: any of), ids, q on name. */
export function listHandler(resource: string, rows: Row[], seen?: (url: URL) => void) {
  return http.get(`${API}/${resource}`, ({ request }) => {
    const url = new URL(request.url);
    seen?.(url);
    const filter = JSON.parse(url.searchParams.get('filter') ?? '{}') as Record<string, unknown>;
    const [start, end] = JSON.parse(url.searchParams.get('range') ?? '[0,24]') as [number, number];
    const matching = rows.filter((row) =>
      Object.entries(filter).every(([key, want]) => {
        if (key === 'q') return String(row.name ?? '').includes(String(want));
        const values = Array.isArray(want) ? want : [want];
        return values.some((v) => (v === 'none' && key === 'tier' ? row[key] === null : row[key] === v));
      }));
    const page = matching.slice(start, end + 1);
    return HttpResponse.json(page, {
      headers: { 'Content-Range': `${resource} ${start}-${start + Math.max(page.length - 1, 0)}/${matching.length}` },
    });
  });
}

export function oneHandler(resource: string, rows: Row[]) {
  return http.get(`${API}/${resource}/:id`, ({ params }) => {
    const row = rows.find((r) => String(r.id) === params.id);
    return row ? HttpResponse.json(row) : HttpResponse.json({ error: 'not_found', message: 'No such record.' }, { status: 404 });
  });
}

export const meHandler = (user: (typeof users)[keyof typeof users]) => http.get(`${API}/auth/me`, () => HttpResponse.json(user));
