import { format, subDays } from 'date-fns';
import { todayInChina } from '@campus/common';

/** The calendar date `n` days before `from` (today in China unless given), as the API writes dates. */
export const daysAgo = (n: number, from: string = todayInChina()) => format(subDays(new Date(`${from}T00:00:00`), n), 'yyyy-MM-dd');
