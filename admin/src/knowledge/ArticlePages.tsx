import { BooleanField, BooleanInput, Create, Datagrid, DateInput, Edit, FunctionField, List, NumberField, ReferenceField, required, SearchInput, Show, SimpleForm, SimpleList, SimpleShowLayout, TextField, TextInput, maxLength, useTranslate, type RaRecord } from 'react-admin';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { PathReferenceInput } from '../common/PathInput';

/** In force from … until …, or open-ended. */
const Validity = ({ record }: { record?: RaRecord }) => {
  const t = useTranslate();
  if (!record) return null;
  const { validFrom: from, validUntil: until } = record;
  const key = from && until ? 'validity' : from ? 'valid_from' : until ? 'valid_until' : 'open';
  return <span>{t(`app.knowledge.${key}`, { from, until })}</span>;
};

const Inputs = () => (
  <>
    <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
    <PathReferenceInput source="categoryId" reference="categories" />
    <TextInput source="body" multiline minRows={6} validate={[required(), maxLength(20000)]} fullWidth />
    <DateInput source="validFrom" />
    <DateInput source="validUntil" />
    <BooleanInput source="public" helperText="app.knowledge.public_hint" />
    <BooleanInput source="active" />
  </>
);

const filters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="active" source="active" />];

/** 知识库: policy answers, procedures and contacts, which intake offers while a request is logged. */
export const ArticleList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }}>
    <NarrowOrWide
      narrow={<SimpleList linkType="show" primaryText={(r) => r.title} secondaryText={(r) => <Validity record={r} />} tertiaryText={(r) => String(r.uses)} />}
      wide={
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="title" />
          <ReferenceField source="categoryId" reference="categories" link={false} emptyText="—" />
          <FunctionField label="resources.articles.fields.validity" render={(r: RaRecord) => <Validity record={r} />} />
          <BooleanField source="public" />
          <NumberField source="uses" />
          <BooleanField source="active" />
        </Datagrid>
      }
    />
  </List>
);

export const ArticleShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <ReferenceField source="categoryId" reference="categories" link={false} emptyText="—" />
      <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
      <FunctionField label="resources.articles.fields.validity" render={(r: RaRecord) => <Validity record={r} />} />
      <BooleanField source="public" />
      <NumberField source="uses" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

export const ArticleEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);

export const ArticleCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true, public: false }}>
      <Inputs />
    </SimpleForm>
  </Create>
);
