import EventIcon from '@mui/icons-material/Event';
import { CalendarDayCreate, CalendarDayEdit, CalendarDayList, CalendarDayShow } from './CalendarDayPages';

export default { list: CalendarDayList, show: CalendarDayShow, edit: CalendarDayEdit, create: CalendarDayCreate, icon: EventIcon, recordRepresentation: 'date' };
