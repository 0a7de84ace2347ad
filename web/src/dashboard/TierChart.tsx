import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { tierColors, tiers } from '../components/vocabulary';
import { schoolsWhere } from './StatCard';

type TierKey = (typeof tiers)[number] | 'none';

/** Schools per tier (deepest first), each bar opening the school list filtered to that tier. */
export default function TierChart({ counts }: { counts: Partial<Record<TierKey, number>> }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const keys: TierKey[] = [...tiers, 'none'];
  const data = keys.map((tier) => ({ tier, name: translate(`app.tier.${tier}`), count: counts[tier] ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip formatter={(value) => [value as number, translate('resources.schools.name', { smart_count: 2 })]} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Bar dataKey="count" radius={[6, 6, 0, 0]} maxBarSize={64} cursor="pointer" isAnimationActive={false} onClick={(_entry, index) => navigate(schoolsWhere({ tier: data[index].tier }))}>
          {data.map((d) => <Cell key={d.tier} fill={tierColors[d.tier]} />)}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
