import { afterEach, describe, expect, it } from 'vitest';
import { screenWidth } from '../../test/screen-width';
import { screen, within } from '@testing-library/react';
import { server } from '../../test/server';
import { listHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const original = window.matchMedia;
afterEach(() => {
  window.matchMedia = original;
});

describe('a resource list on a phone and on a wider screen', () => {
  it('is a simple list below 600 px: one link per record, its first column as the title and the others as "label: value"', async () => {
    screenWidth(360);
    server.use(listHandler('schools', schools));
    const { container } = renderResource('#/schools', users.hq);
    const title = await screen.findByText('杭州职业技术学院');
    const entry = title.closest('a')!;
    expect(entry).toHaveAttribute('href', '#/schools/1/show');
    expect(within(entry).getByText(/省份/)).toBeInTheDocument();
    expect(within(entry).getByText('杭州')).toBeInTheDocument();
    expect(container.querySelector('table')).toBeNull();
    expect(container.querySelectorAll('a[href^="#/schools/"][href$="/show"]')).toHaveLength(schools.length);
  });

  it('is the table from 600 px up', async () => {
    screenWidth(1024);
    server.use(listHandler('schools', schools));
    const { container } = renderResource('#/schools', users.hq);
    await screen.findByText('杭州职业技术学院');
    expect(container.querySelector('table')).not.toBeNull();
    expect(screen.getByText('杭州职业技术学院').closest('td')).not.toBeNull();
  });
});
