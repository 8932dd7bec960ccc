import { BooleanInput, DateInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectArrayInput, SelectInput, useTranslate } from 'react-admin';
import { choices, PRIORITIES, STATUSES, TYPES } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

export const useCaseFilters = () => {
  const t = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={t('app.cases.search')} />,
    <SelectArrayInput key="status" source="status" choices={choices('status', STATUSES)} alwaysOn />,
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
};
