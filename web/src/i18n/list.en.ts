/** The list pagination's words (web/src/components/list/ListPagination.tsx), in English. list.zh.ts has exactly the same keys. */
export const listEn = {
  app: {
    list: {
      /** The total is an estimate (more than 10,000 records). */
      page_range_about: '%{offsetBegin}-%{offsetEnd} of about %{total}',
    },
  },
};
