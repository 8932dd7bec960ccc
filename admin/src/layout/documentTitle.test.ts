import { describe, expect, it } from 'vitest';
import { documentTitle, pageTitleOf } from './documentTitle';

const resources = ['cases', 'grid-units', 'calendar-days'];

describe('the browser tab title', () => {
  it('names the page from its address', () => {
    expect(pageTitleOf('/', resources)).toEqual({ key: 'ra.page.dashboard' });
    expect(pageTitleOf('/todo', resources)).toEqual({ key: 'app.todo.title' });
    expect(pageTitleOf('/daily-report', resources)).toEqual({ key: 'app.daily.title' });
    expect(pageTitleOf('/cases', resources)).toEqual({ key: 'resources.cases.name' });
    expect(pageTitleOf('/cases/12/show', resources)).toEqual({ key: 'resources.cases.name', args: { id: '12' } });
    expect(pageTitleOf('/grid-units/create', resources)).toEqual({ key: 'ra.page.create', args: { name: 'resources.grid-units.name' } });
    expect(pageTitleOf('/nowhere', resources)).toBeNull();
  });
  it('puts the page before the app', () => {
    expect(documentTitle('诉求工单', '有诉必应')).toBe('诉求工单 · 有诉必应');
    expect(documentTitle(null, '有诉必应')).toBe('有诉必应');
  });
});
