import BadgeIcon from '@mui/icons-material/Badge';
import { UserCreate, UserEdit, UserList, UserShow } from './UserPages';

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, icon: BadgeIcon, recordRepresentation: 'name' };
