import CategoryIcon from '@mui/icons-material/Category';
import { CategoryCreate, CategoryEdit, CategoryList, CategoryShow } from './CategoryPages';

export default { list: CategoryList, show: CategoryShow, edit: CategoryEdit, create: CategoryCreate, icon: CategoryIcon, recordRepresentation: 'fullName' };
