import CallIcon from '@mui/icons-material/Call';
import { ChannelCreate, ChannelEdit, ChannelList } from './ChannelPages';

export default { list: ChannelList, edit: ChannelEdit, create: ChannelCreate, icon: CallIcon, recordRepresentation: 'name' };
