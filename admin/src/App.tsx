import { lazy, Suspense, type ReactNode } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { PasswordPage } from './account/PasswordPage';
import accessLog from './access-log';
import apiKeys from './api-keys';
import { authProvider } from './authProvider';
import calendarDays from './calendar-days';
import cases from './cases';
import categories from './categories';
import channels from './channels';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import departments from './departments';
import gridUnits from './grid-units';
import { articles, replyTemplates } from './knowledge';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import residents from './residents';
import { TodoPage } from './todo';
import users from './users';
import webhooks from './webhooks';

/** The report pages are their own chunks: most sessions are case work and never load them. */
const ReportsPage = lazy(() => import('./reports/ReportsPage'));
const DailyReportPage = lazy(() => import('./reports/DailyReportPage'));
const VisitsDuePage = lazy(() => import('./visits/VisitsDuePage'));
const WatchListPage = lazy(() => import('./visits/WatchListPage'));
const MonthlyIssuesPage = lazy(() => import('./visits/MonthlyIssuesPage'));
const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<Loading />}>{children}</Suspense>;

/** A unit's handler works cases: the reference lists stay out of their menu (their names still show on cases). */
const referenceOnly = <T extends object>(r: T) => ({ ...r, list: undefined, edit: undefined, create: undefined, show: undefined });

export const App = () => (
  <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} dashboard={Dashboard} layout={AppLayout} title="有诉必应" requireAuth disableTelemetry>
    {(role: string) => {
      // What each role may change is the API's rule, asked through authProvider.canAccess (buttons, menu, pages).
      const reference = <T extends object>(r: T) => (role === 'handler' ? referenceOnly(r) : r);
      return [
        <CustomRoutes key="pages">
          <Route path="/todo" element={<TodoPage />} />
          <Route path="/password" element={<PasswordPage />} />
          <Route path="/reports" element={<Lazy><ReportsPage /></Lazy>} />
          <Route path="/daily-report" element={<Lazy><DailyReportPage /></Lazy>} />
          <Route path="/visits-due" element={<Lazy><VisitsDuePage /></Lazy>} />
          <Route path="/watch-list" element={<Lazy><WatchListPage /></Lazy>} />
          <Route path="/monthly-issues" element={<Lazy><MonthlyIssuesPage /></Lazy>} />
        </CustomRoutes>,
        <Resource key="cases" name="cases" {...cases} />,
        <Resource key="residents" name="residents" {...residents} />,
        <Resource key="grid-units" name="grid-units" {...reference(gridUnits)} />,
        <Resource key="departments" name="departments" {...reference(departments)} />,
        <Resource key="categories" name="categories" {...reference(categories)} />,
        <Resource key="channels" name="channels" {...reference(channels)} />,
        <Resource key="api-keys" name="api-keys" {...(role === 'admin' ? apiKeys : {})} />,
        <Resource key="users" name="users" {...(role === 'admin' ? users : referenceOnly(users))} />,
        <Resource key="calendar-days" name="calendar-days" {...reference(calendarDays)} />,
        <Resource key="articles" name="articles" {...reference(articles)} />,
        <Resource key="reply-templates" name="reply-templates" {...reference(replyTemplates)} />,
        <Resource key="access-log" name="access-log" {...(role === 'admin' ? accessLog : {})} />,
        <Resource key="webhooks" name="webhooks" {...(role === 'admin' ? webhooks : {})} />,
        <Resource key="webhook-deliveries" name="webhook-deliveries" />,
        <Resource key="case-events" name="case-events" />,
        <Resource key="attachments" name="attachments" />,
      ];
    }}
  </Admin>
);
