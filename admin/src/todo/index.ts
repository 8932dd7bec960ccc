export { TodoMenuItem } from './TodoMenuItem';
export { TodoPage } from './TodoPage';
export { landingPath } from './buckets';
export { useRefreshTodo } from './useTodo';
