import { List } from 'react-admin';
import { CaseDatagrid } from './CaseDatagrid';
import { useCaseFilters } from './CaseFilters';
import { CaseListActions } from './CaseListActions';
import { DrillBanner } from './DrillBanner';

export const CaseList = () => (
  <List filters={useCaseFilters()} sort={{ field: 'receivedAt', order: 'DESC' }} perPage={25} actions={<CaseListActions />}>
    <DrillBanner />
    <CaseDatagrid />
  </List>
);
