import { Create, Edit, SimpleForm } from 'react-admin';
import { GridUnitInputs } from './GridUnitInputs';

export const GridUnitEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <GridUnitInputs />
    </SimpleForm>
  </Edit>
);

export const GridUnitCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <GridUnitInputs />
    </SimpleForm>
  </Create>
);
