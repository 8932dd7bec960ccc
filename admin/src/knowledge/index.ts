import MenuBookIcon from '@mui/icons-material/MenuBook';
import ShortTextIcon from '@mui/icons-material/ShortText';
import { ArticleCreate, ArticleEdit, ArticleList, ArticleShow } from './ArticlePages';
import { ReplyTemplateCreate, ReplyTemplateEdit, ReplyTemplateList, ReplyTemplateShow } from './ReplyTemplatePages';

export const articles = { list: ArticleList, show: ArticleShow, edit: ArticleEdit, create: ArticleCreate, icon: MenuBookIcon, recordRepresentation: 'title' };
export const replyTemplates = { list: ReplyTemplateList, show: ReplyTemplateShow, edit: ReplyTemplateEdit, create: ReplyTemplateCreate, icon: ShortTextIcon, recordRepresentation: 'name' };
