import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, minLength, PasswordInput, ReferenceField, ReferenceInput, required, SaveButton, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleList, SimpleShowLayout, TextField, TextInput, Toolbar, useTranslate } from 'react-admin';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { choices, ROLES } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';
import { phoneNumber, unitForHandler, username } from '../common/validators';

const Inputs = ({ create }: { create?: boolean }) => (
  <>
    <TextInput source="username" validate={[required(), username]} disabled={!create} />
    <TextInput source="name" validate={required()} />
    <SelectInput source="role" choices={choices('role', ROLES)} validate={required()} />
    <PathReferenceInput source="scopeUnitId" reference="grid-units" />
    <ReferenceInput source="departmentId" reference="departments" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" validate={unitForHandler} />
    </ReferenceInput>
    <TextInput source="phone" validate={phoneNumber} />
    <PasswordInput source="password" validate={create ? [required(), minLength(8)] : minLength(8)} />
    <BooleanInput source="active" />
    {/* Exports mask phones and addresses; this grants the full values (admins hold it anyway). */}
    <BooleanInput source="canExportPersonalData" />
  </>
);

/** On a phone: name and role, then the username and where they work (scope or unit); a disabled account says so. */
const UserLines = () => {
  const t = useTranslate();
  return (
    <SimpleList
      linkType="show"
      primaryText={(r) => `${r.name} · ${t(`enums.role.${r.role}`, { _: r.role })}`}
      secondaryText={(r) => (
        <>
          {r.username}
          {r.active === false && ` · ${t('app.records.inactive')}`}
          {r.scopeUnitId != null && (
            <>
              {' · '}
              <ReferenceField record={r} source="scopeUnitId" reference="grid-units" link={false}>
                <TextField source="fullName" />
              </ReferenceField>
            </>
          )}
          {r.departmentId != null && (
            <>
              {' · '}
              <ReferenceField record={r} source="departmentId" reference="departments" link={false}>
                <TextField source="name" />
              </ReferenceField>
            </>
          )}
        </>
      )}
    />
  );
};

export const UserList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={choices('role', ROLES)} alwaysOn />]} sort={{ field: 'username', order: 'ASC' }}>
    <NarrowOrWide
      narrow={<UserLines />}
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="username" />
          <TextField source="name" />
          <SelectField source="role" choices={choices('role', ROLES)} />
          <ReferenceField source="scopeUnitId" reference="grid-units" link={false} emptyText="—">
            <TextField source="fullName" />
          </ReferenceField>
          <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
          <BooleanField source="active" />
        </Datagrid>
      }
    />
  </List>
);

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="name" />
      <SelectField source="role" choices={choices('role', ROLES)} />
      <ReferenceField source="scopeUnitId" reference="grid-units" emptyText="—">
        <TextField source="fullName" />
      </ReferenceField>
      <ReferenceField source="departmentId" reference="departments" emptyText="—">
        <TextField source="name" />
      </ReferenceField>
      <TextField source="phone" emptyText="—" />
      <BooleanField source="active" />
      <BooleanField source="canExportPersonalData" />
    </SimpleShowLayout>
  </Show>
);

/** Accounts are never deleted (their name stays on the timeline): the 启用 switch disables one, so no delete button. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true, role: 'grid_worker', canExportPersonalData: false }}>
      <Inputs create />
    </SimpleForm>
  </Create>
);
