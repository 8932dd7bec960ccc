import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { ListSpec } from '../common/list-query.js';
import { DEPARTMENT_KINDS, Department } from './department.entity.js';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto.js';
import { Case } from '../cases/case.entity.js';
import { Category } from '../categories/category.entity.js';
import type { Reference } from '../common/references.js';
import { User } from '../users/user.entity.js';

@Injectable()
export class DepartmentsService extends CrudService<Department, CreateDepartmentDto, UpdateDepartmentDto> {
  protected readonly label = 'Department';
  protected override readonly references: Reference[] = [
    { from: Case, by: 'departmentId', things: 'refCases' },
    { from: User, by: 'departmentId', things: 'refUsers' },
    { from: Category, by: 'departmentId', things: 'refCategories' },
  ];
  protected override readonly disablable = true;
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'd',
    defaultSort: ['name', 'ASC'],
    fields: {
      id: { type: 'int' },
      name: { type: 'string' },
      kind: { type: 'string', values: DEPARTMENT_KINDS },
      phone: { type: 'string' },
      contactName: { type: 'string' },
      active: { type: 'boolean' },
    },
    search: (qb, term, param) => qb.andWhere(`(d.name LIKE ${param(`%${term}%`)} OR d.contactName LIKE ${param(`%${term}%`)})`),
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(Department));
  }
}
