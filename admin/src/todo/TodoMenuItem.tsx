import InboxIcon from '@mui/icons-material/MoveToInbox';
import { Badge } from '@mui/material';
import { Menu, useTranslate } from 'react-admin';
import { badgeTotal } from './buckets';
import { useTodo } from './useTodo';

/** 我的待办, first in the menu, with the number of cases waiting for the user. */
export const TodoMenuItem = () => {
  const t = useTranslate();
  const { data } = useTodo();
  const total = data ? badgeTotal(data) : 0;
  return (
    <Menu.Item
      to="/todo"
      primaryText={t('app.todo.title')}
      leftIcon={
        <Badge badgeContent={total} color="error" max={999} data-testid="todo-badge">
          <InboxIcon />
        </Badge>
      }
    />
  );
};
