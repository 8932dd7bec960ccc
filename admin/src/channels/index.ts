import CallIcon from '@mui/icons-material/Call';
import { ChannelCreate, ChannelEdit, ChannelList, ChannelShow } from './ChannelPages';

export default { list: ChannelList, show: ChannelShow, edit: ChannelEdit, create: ChannelCreate, icon: CallIcon, recordRepresentation: 'name' };
