import { Body, Delete, Get, Param, PipeTransform, Post, Put, Query, Res, Type } from '@nestjs/common';
import { IsInt, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { declareResource } from '../auth/resource-access.js';
import type { Role } from '../users/user.entity.js';
import type { CrudService } from './crud.service.js';
import { idOf } from './ids.js';
import { contentRange } from './list-query.js';
import { createValidationPipe } from './validation.js';

export interface CrudOptions {
  /** The resource's name in the URL and in Content-Range. */
  resource: string;
  createDto: Type<unknown>;
  updateDto: Type<unknown>;
  /** Who may read; every signed-in user when omitted. */
  read?: Role[];
  /** Who may create, update and delete (admin always may). */
  write: Role[];
  /** Delete allowed at all (cases, for one, are never deleted). */
  deletable?: boolean;
}

/**
 * `:id` must be a positive whole number written the one canonical way: `abc`, `+1`, `0x10`, `1e2`, ` 1`
 * are a 400 naming the field, so that no record answers to a spelling of its id that a log or a cache would not match.
 */
export const IdPipe: PipeTransform<string, number> = {
  transform: (value: string) => idOf(typeof value === 'string' ? value : undefined, 'id'),
};

/**
 * A resource's update body plus the `version` it was read at, so that the pipe keeps it (it strips unknown
 * properties); whether it is there and current is the service's question (409 with the current record).
 */
function withVersion(dto: Type<unknown>): Type<unknown> {
  class Versioned extends (dto as new () => object) {
    @IsOptional()
    @IsInt()
    version?: number;
  }
  return Versioned;
}

/**
 * The react-admin REST routes for a resource, one line each into its service. A resource's
 * controller extends `CrudController({...})` and adds its own routes.
 */
export function CrudController(opts: CrudOptions) {
  const read = opts.read ?? [];
  const readRoles = read.length ? Roles(...read) : () => undefined;
  const removeRoles: Role[] = opts.deletable === false ? ['admin'] : opts.write;
  const updateDto = withVersion(opts.updateDto);
  declareResource(opts.resource, { read: read.length ? read : null, write: opts.write, remove: opts.deletable === false ? false : removeRoles });

  abstract class Base {
    abstract readonly service: CrudService<any, any, any>;

    @Get()
    @readRoles
    async list(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply) {
      const { rows, total, offset } = await this.service.list(query, user);
      res.header('Content-Range', contentRange(opts.resource, offset, rows.length, total));
      return rows;
    }

    @Get(':id')
    @readRoles
    get(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
      return this.service.get(id, user);
    }

    @Post()
    @Roles(...opts.write)
    create(@Body(createValidationPipe(opts.createDto)) dto: unknown, @CurrentUser() user: AuthUser) {
      return this.service.create(dto, user);
    }

    @Put(':id')
    @Roles(...opts.write)
    update(@Param('id', IdPipe) id: number, @Body(createValidationPipe(updateDto)) dto: unknown, @CurrentUser() user: AuthUser) {
      return this.service.update(id, dto, user);
    }

    @Delete(':id')
    @Roles(...removeRoles)
    remove(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
      return this.service.remove(id, user);
    }
  }
  return Base;
}
