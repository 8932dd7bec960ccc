import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { GridUnitCreate, GridUnitEdit } from './GridUnitForms';
import { GridUnitList } from './GridUnitList';
import { GridUnitShow } from './GridUnitShow';

export default { list: GridUnitList, show: GridUnitShow, edit: GridUnitEdit, create: GridUnitCreate, icon: AccountTreeIcon, recordRepresentation: 'fullName' };
