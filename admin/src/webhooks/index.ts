import WebhookIcon from '@mui/icons-material/Webhook';
import { lazy } from 'react';

/** Admins alone open these pages, seldom: their code is a chunk of its own, out of everyone's first load. */
const pages = () => import('./WebhookPages');
const WebhookList = lazy(() => pages().then((m) => ({ default: m.WebhookList })));
const WebhookShow = lazy(() => pages().then((m) => ({ default: m.WebhookShow })));
const WebhookEdit = lazy(() => pages().then((m) => ({ default: m.WebhookEdit })));
const WebhookCreate = lazy(() => pages().then((m) => ({ default: m.WebhookCreate })));

export default { list: WebhookList, show: WebhookShow, edit: WebhookEdit, create: WebhookCreate, icon: WebhookIcon, recordRepresentation: 'name' };
