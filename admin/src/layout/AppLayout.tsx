import type { ReactNode } from 'react';
import { Layout, Menu } from 'react-admin';
import { TodoMenuItem } from '../todo';

/** 我的待办 first, then the dashboard and one entry per resource. */
const AppMenu = () => (
  <Menu>
    <TodoMenuItem />
    <Menu.DashboardItem />
    <Menu.ResourceItems />
  </Menu>
);

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
