import AssessmentIcon from '@mui/icons-material/Assessment';
import ArticleIcon from '@mui/icons-material/Article';
import EventNoteIcon from '@mui/icons-material/EventNote';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { forwardRef, type ReactNode } from 'react';
import { ListItemIcon, ListItemText, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import { Link } from 'react-router-dom';
import KeyIcon from '@mui/icons-material/Key';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, Logout, Menu, ToggleThemeButton, UserMenu, usePermissions, useTranslate, useUserMenu } from 'react-admin';
import { TodoMenuItem } from '../todo';
import { DocumentTitle } from './DocumentTitle';

/** Who audits and publishes: the report pages are in their menu (the API decides what each role may read). */
export const REPORT_ROLES = ['admin', 'supervisor'];
/** Who visits households (未诉先办): grid workers first, and intake staff and supervisors. */
const VISIT_ROLES = ['admin', 'supervisor', 'dispatcher', 'grid_worker'];

/** 我的待办 first, then the dashboard, the supervisors' reports, and one entry per resource. */
const AppMenu = () => {
  const t = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const reports = !!role && REPORT_ROLES.includes(role);
  const visits = !!role && VISIT_ROLES.includes(role);
  return (
    <Menu>
      <TodoMenuItem />
      <Menu.DashboardItem />
      {reports && <Menu.Item to="/reports" primaryText={t('app.reports.title')} leftIcon={<AssessmentIcon />} />}
      {reports && <Menu.Item to="/daily-report" primaryText={t('app.daily.title')} leftIcon={<ArticleIcon />} />}
      {visits && <Menu.Item to="/visits-due" primaryText={t('app.visits.title')} leftIcon={<HomeWorkIcon />} />}
      {visits && <Menu.Item to="/watch-list" primaryText={t('app.watch.title')} leftIcon={<VisibilityIcon />} />}
      {visits && <Menu.Item to="/monthly-issues" primaryText={t('app.monthly.title')} leftIcon={<EventNoteIcon />} />}
      <Menu.ResourceItems />
    </Menu>
  );
};

/**
 * react-admin lets the layout grow to fit its content (`min-width: fit-content`), so a wide table scrolls the page. On
 * a phone nothing may scroll sideways (a grid worker's pages show cards): there the layout is the window's width and
 * its content shrinks to it, letting tabs scroll within themselves and text wrap.
 */
const PHONE_FIT = { minWidth: { xs: 0, md: 'fit-content' }, '& .RaLayout-content': { minWidth: { xs: 0, md: 'auto' } } } as const;

/** On a phone the page title (a case number: 20261202-0004) needs the room the theme switch would take. */
const AppBarTools = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <>
      <LocalesMenuButton />
      {!phone && <ToggleThemeButton />}
      <LoadingIndicator />
    </>
  );
};

/** 修改密码 (the user's own), then 退出登录, which also ends the session on the server. A ref for the menu's focus. */
const PasswordItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const t = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem {...props} ref={ref} component={Link} to="/password" onClick={() => menu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{t('app.password.title')}</ListItemText>
    </MenuItem>
  );
});

const AppUserMenu = () => (
  <UserMenu>
    <PasswordItem />
    <Logout />
  </UserMenu>
);

/**
 * A long title (工作人员 系统管理员 on a user's edit page) ends in an ellipsis a little before the language menu:
 * the title's own box clips it, but its inner block would otherwise run up to the menu's icon and look overlapped.
 */
const TITLE_FIT = { '& #react-admin-title': { mr: 1 }, '& #react-admin-title > *': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' } } as const;

const AppAppBar = () => <AppBar toolbar={<AppBarTools />} userMenu={<AppUserMenu />} sx={TITLE_FIT} />;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={AppAppBar} sx={PHONE_FIT}>
    <DocumentTitle />
    {children}
  </Layout>
);
