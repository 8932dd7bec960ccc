import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ArticlesService } from './articles.service.js';
import { ArticlesController, ArticleSuggestionsController, ReplyTemplatesController } from './knowledge.controller.js';
import { ReplyTemplatesService } from './reply-templates.service.js';

/** Knowledge base and reply templates (issue 18): answers at intake, texts with the case's facts filled in. */
@Module({ imports: [CasesModule], controllers: [ArticleSuggestionsController, ArticlesController, ReplyTemplatesController], providers: [ArticlesService, ReplyTemplatesService], exports: [ArticlesService] })
export class KnowledgeModule {}
