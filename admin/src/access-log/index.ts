import PolicyIcon from '@mui/icons-material/Policy';
import { AccessLogList } from './AccessLogList';

export default { list: AccessLogList, icon: PolicyIcon };
