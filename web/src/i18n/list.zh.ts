/** 列表分页的文字（web/src/components/list/ListPagination.tsx）。list.en.ts 的键与此相同。 */
export const listZh = {
  app: {
    list: {
      /** 总数为估计值（超过 10,000 条）。 */
      page_range_about: '第 %{offsetBegin}-%{offsetEnd} 条，约 %{total} 条',
    },
  },
};
