import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { ListSpec } from '../common/list-query.js';
import { DEPARTMENT_KINDS, Department } from './department.entity.js';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto.js';

@Injectable()
export class DepartmentsService extends CrudService<Department, CreateDepartmentDto, UpdateDepartmentDto> {
  protected readonly label = 'Department';
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
