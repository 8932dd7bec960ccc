import ApartmentIcon from '@mui/icons-material/Apartment';
import { DepartmentCreate, DepartmentEdit, DepartmentList, DepartmentShow } from './DepartmentPages';

export default { list: DepartmentList, show: DepartmentShow, edit: DepartmentEdit, create: DepartmentCreate, icon: ApartmentIcon, recordRepresentation: 'name' };
