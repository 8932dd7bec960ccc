import { Stack, useMediaQuery, type Theme } from '@mui/material';
import { BooleanInput, Datagrid, List, ReferenceField, SearchInput, SelectInput, SimpleList, TextField, useRecordContext } from 'react-admin';
import { CasePlace, TagChips } from '../cases/CaseBits';
import { choices, TAGS } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  // MUI pulls a switch 11 px left to align its label; at a phone's edge that cut the switch in half.
  <BooleanInput key="keyPopulation" source="keyPopulation" alwaysOn sx={{ ml: { xs: 1.5, md: 0 } }} />,
  <SelectInput key="tag" source="tag" choices={choices('tag', TAGS)} label="resources.residents.fields.tags" />,
  <PathReferenceInput key="unitId" source="unitId" reference="grid-units" label="resources.residents.fields.unitId" />,
];

const PhoneText = () => {
  const phone = useRecordContext()?.phone;
  return phone ? <span>{phone}</span> : null;
};

/** Residents as a table on a desktop; on a phone (a grid worker on patrol) one line each: name, phone, where, tags. */
export const ResidentList = () => {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <List filters={filters}>
      {narrow ? (
        <SimpleList
          linkType="show"
          primaryText={(r) => r.name}
          secondaryText={
            <Stack component="span" direction="row" spacing={1} flexWrap="wrap" useFlexGap alignItems="center">
              <PhoneText />
              <CasePlace />
              <TagChips source="tags" />
            </Stack>
          }
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          {/* Masked in lists, so not a sort key: the API refuses to sort by what the viewer cannot see. */}
          <TextField source="phone" emptyText="—" sortable={false} />
          <ReferenceField source="gridUnitId" reference="grid-units" link={false}>
            <TextField source="fullName" />
          </ReferenceField>
          <TextField source="address" emptyText="—" />
          <TagChips source="tags" label="resources.residents.fields.tags" />
        </Datagrid>
      )}
    </List>
  );
};
