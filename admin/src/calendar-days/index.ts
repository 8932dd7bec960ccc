import EventIcon from '@mui/icons-material/Event';
import { CalendarDayCreate, CalendarDayEdit, CalendarDayList } from './CalendarDayPages';

export default { list: CalendarDayList, edit: CalendarDayEdit, create: CalendarDayCreate, icon: EventIcon, recordRepresentation: 'date' };
