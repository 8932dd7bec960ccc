import AssessmentIcon from '@mui/icons-material/Assessment';
import ArticleIcon from '@mui/icons-material/Article';
import type { ReactNode } from 'react';
import { Layout, Menu, usePermissions, useTranslate } from 'react-admin';
import { TodoMenuItem } from '../todo';
import { DocumentTitle } from './DocumentTitle';

/** Who audits and publishes: the report pages are in their menu (the API decides what each role may read). */
export const REPORT_ROLES = ['admin', 'supervisor'];

/** 我的待办 first, then the dashboard, the supervisors' reports, and one entry per resource. */
const AppMenu = () => {
  const t = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const reports = !!role && REPORT_ROLES.includes(role);
  return (
    <Menu>
      <TodoMenuItem />
      <Menu.DashboardItem />
      {reports && <Menu.Item to="/reports" primaryText={t('app.reports.title')} leftIcon={<AssessmentIcon />} />}
      {reports && <Menu.Item to="/daily-report" primaryText={t('app.daily.title')} leftIcon={<ArticleIcon />} />}
      <Menu.ResourceItems />
    </Menu>
  );
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu}>
    <DocumentTitle />
    {children}
  </Layout>
);
