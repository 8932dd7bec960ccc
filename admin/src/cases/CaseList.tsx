import { List } from 'react-admin';
import { CaseDatagrid } from './CaseDatagrid';
import { useCaseFilters } from './CaseFilters';

export const CaseList = () => (
  <List filters={useCaseFilters()} sort={{ field: 'receivedAt', order: 'DESC' }} perPage={25}>
    <CaseDatagrid />
  </List>
);
