import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import type { WhatIfResult } from './WhatIfPanel';
import { ChartWithTable } from '../../components/charts/ChartWithTable';

/** Per region, schools passing and failing now (left bar) and with the change (right bar); the same numbers as a table one button away. */
export default function WhatIfChart({ result }: { result: WhatIfResult }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = translate('app.whatif.before');
  const next = translate('app.whatif.after');
  const data = result.byRegion.map((r) => ({
    name: locale === 'en' ? r.nameEn : r.nameZh,
    beforePass: r.before.pass, beforeFail: r.before.fail, afterPass: r.after.pass, afterFail: r.after.fail,
  }));
  const pass = translate('app.whatif.pass');
  const fail = translate('app.whatif.fail');
  return (
    <ChartWithTable
      title={translate('app.a11y.whatif_chart')}
      rows={data}
      rowKey={(r) => r.name}
      columns={[
        { label: translate('app.whatif.region'), value: (r) => r.name },
        { label: `${now} · ${pass}`, value: (r) => r.beforePass },
        { label: `${now} · ${fail}`, value: (r) => r.beforeFail },
        { label: `${next} · ${pass}`, value: (r) => r.afterPass },
        { label: `${next} · ${fail}`, value: (r) => r.afterFail },
      ]}
      testId="chart-whatif"
    >
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="beforePass" stackId="before" name={`${now} · ${translate('app.whatif.pass')}`} fill="#81c784" isAnimationActive={false} />
        <Bar dataKey="beforeFail" stackId="before" name={`${now} · ${translate('app.whatif.fail')}`} fill="#e57373" isAnimationActive={false} />
        <Bar dataKey="afterPass" stackId="after" name={`${next} · ${translate('app.whatif.pass')}`} fill="#2e7d32" isAnimationActive={false} />
        <Bar dataKey="afterFail" stackId="after" name={`${next} · ${translate('app.whatif.fail')}`} fill="#c62828" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
    </ChartWithTable>
  );
}
