import PeopleIcon from '@mui/icons-material/People';
import { ResidentList } from './ResidentList';
import { ResidentCreate, ResidentEdit, ResidentShow } from './ResidentPages';

export default { list: ResidentList, show: ResidentShow, edit: ResidentEdit, create: ResidentCreate, icon: PeopleIcon, recordRepresentation: 'name' };
