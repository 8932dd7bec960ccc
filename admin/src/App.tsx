import { lazy, Suspense, type ReactNode } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import calendarDays from './calendar-days';
import cases from './cases';
import categories from './categories';
import channels from './channels';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import departments from './departments';
import gridUnits from './grid-units';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import residents from './residents';
import { TodoPage } from './todo';
import users from './users';

/** The report pages are their own chunks: most sessions are case work and never load them. */
const ReportsPage = lazy(() => import('./reports/ReportsPage'));
const DailyReportPage = lazy(() => import('./reports/DailyReportPage'));
const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<Loading />}>{children}</Suspense>;

/** Everyone reads the reference data; only administrators change it (the API enforces the same). */
const readOnly = <T extends object>(r: T) => ({ ...r, edit: undefined, create: undefined });

export const App = () => (
  <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} dashboard={Dashboard} layout={AppLayout} title="有诉必应" requireAuth disableTelemetry>
    {(role: string) => {
      const admin = role === 'admin';
      const setup = <T extends object>(r: T) => (admin ? r : readOnly(r));
      return [
        <CustomRoutes key="pages">
          <Route path="/todo" element={<TodoPage />} />
          <Route path="/reports" element={<Lazy><ReportsPage /></Lazy>} />
          <Route path="/daily-report" element={<Lazy><DailyReportPage /></Lazy>} />
        </CustomRoutes>,
        <Resource key="cases" name="cases" {...cases} />,
        role !== 'handler' ? <Resource key="residents" name="residents" {...residents} /> : null,
        <Resource key="grid-units" name="grid-units" {...setup(gridUnits)} />,
        <Resource key="departments" name="departments" {...setup(departments)} />,
        <Resource key="categories" name="categories" {...setup(categories)} />,
        <Resource key="channels" name="channels" {...setup(channels)} />,
        admin ? <Resource key="users" name="users" {...users} /> : <Resource key="users" name="users" />,
        <Resource key="calendar-days" name="calendar-days" {...(admin || role === 'supervisor' ? calendarDays : readOnly(calendarDays))} />,
        <Resource key="case-events" name="case-events" />,
        <Resource key="attachments" name="attachments" />,
      ];
    }}
  </Admin>
);
