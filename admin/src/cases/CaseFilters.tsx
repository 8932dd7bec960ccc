import { BooleanInput, DateInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectArrayInput, SelectInput, TextInput, usePermissions, useTranslate } from 'react-admin';
import { choices, GROUPS, PRIORITIES, STATUSES, SUPERVISE_LEVELS, TYPES } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

/** Roles that see a caller's number in full may look a caller up by it; supervisors see it masked (API refuses). */
const PHONE_SEARCH_ROLES = ['admin', 'dispatcher', 'grid_worker', 'handler'];

export const useCaseFilters = () => {
  const t = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={t('app.cases.search')} />,
    <SelectArrayInput key="status" source="status" choices={choices('status', STATUSES)} alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="superviseLevel" source="superviseLevel" choices={choices('superviseLevel', SUPERVISE_LEVELS)} />,
    <SelectInput key="channelGroup" source="channelGroup" label="app.cases.channel_group" choices={choices('group', GROUPS)} />,
    <ReferenceInput key="channelId" source="channelId" reference="channels" sort={{ field: 'sort', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <PathReferenceInput key="categoryId" source="categoryId" reference="categories" />,
    <PathReferenceInput key="unitId" source="unitId" reference="grid-units" label="resources.cases.fields.unitId" />,
    <NullableBooleanInput key="overdue" source="overdue" />,
    <DateInput key="receivedAt_gte" source="receivedAt_gte" />,
    <DateInput key="receivedAt_lte" source="receivedAt_lte" />,
    <SelectInput key="priority" source="priority" choices={choices('priority', PRIORITIES)} />,
    <SelectInput key="type" source="type" choices={choices('type', TYPES)} />,
    <BooleanInput key="keyPopulation" source="keyPopulation" />,
    <BooleanInput key="mine" source="mine" />,
  ];
  if (role && PHONE_SEARCH_ROLES.includes(role)) {
    filters.splice(2, 0, <TextInput key="reporterPhone" source="reporterPhone" label="app.cases.phone_search" type="tel" inputMode="tel" />);
  }
  return filters;
};
