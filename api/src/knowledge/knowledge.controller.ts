import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CrudController, IdPipe } from '../common/crud.controller.js';
import { idOf } from '../common/ids.js';
import { ArticlesService } from './articles.service.js';
import { CreateArticleDto, CreateReplyTemplateDto, UpdateArticleDto, UpdateReplyTemplateDto } from './dto/knowledge.dto.js';
import { ReplyTemplatesService } from './reply-templates.service.js';

/** 知识库: read by all staff, kept by supervisors. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('articles')
export class ArticlesController extends CrudController({ resource: 'articles', createDto: CreateArticleDto, updateDto: UpdateArticleDto, write: ['supervisor'] }) {
  constructor(readonly service: ArticlesService) {
    super();
  }
}

/** Registered before `articles/:id`: what intake shows for the category and the words typed. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('article-suggestions')
export class ArticleSuggestionsController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  suggest(@Query('categoryId') categoryId?: string, @Query('q') q?: unknown) {
    return this.articles.suggest(categoryId === undefined ? undefined : idOf(categoryId, 'categoryId'), typeof q === 'string' ? q.slice(0, 200) : undefined);
  }
}

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('reply-templates')
export class ReplyTemplatesController extends CrudController({ resource: 'reply-templates', createDto: CreateReplyTemplateDto, updateDto: UpdateReplyTemplateDto, write: ['supervisor'] }) {
  constructor(readonly service: ReplyTemplatesService) {
    super();
  }

  /** `{caseId}` → `{text}`: the template filled from that case. */
  @Post(':id/render')
  @HttpCode(200)
  render(@Param('id', IdPipe) id: number, @Body() body: { caseId?: unknown } | undefined, @CurrentUser() user: AuthUser) {
    return this.service.render(id, body?.caseId, user);
  }
}
