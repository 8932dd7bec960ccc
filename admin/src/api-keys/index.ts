import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ApiKeyCreate, ApiKeyList } from './ApiKeyPages';

/** Integrators' Open311 keys (admins): listed, created (the key shown once), revoked; never edited or shown again. */
export default { list: ApiKeyList, create: ApiKeyCreate, icon: VpnKeyIcon, recordRepresentation: 'name' };
