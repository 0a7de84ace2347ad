/** Reading CSV text cells into the types the create schemas check; anything unreadable is passed on for the schema to name. */
export const cell = {
  text: (v: string | undefined) => (v === undefined || v === '' ? undefined : v),
  int: (v: string | undefined) => (v === undefined || v === '' ? undefined : /^-?\d+$/.test(v) ? Number(v) : v),
  number: (v: string | undefined) => (v === undefined || v === '' ? undefined : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v),
  bool: (v: string | undefined) => {
    if (v === undefined || v === '') return undefined;
    const s = v.toLowerCase();
    if (['true', '1', 'yes', 'y', '是'].includes(s)) return true;
    if (['false', '0', 'no', 'n', '否'].includes(s)) return false;
    return v;
  },
  list: (v: string | undefined) => (v === undefined || v === '' ? [] : v.split(/[;；]/).map((x) => x.trim()).filter(Boolean)),
};
