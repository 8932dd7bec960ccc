import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { httpClient } from '../dataProvider';
import { orderBuckets, type TodoBucket } from './buckets';

/** The one react-query key of the to-do counts: the menu badge and the page share it. */
export const TODO_QUERY_KEY = ['todo'] as const;

/** The signed-in user's to-do buckets, refreshed every minute (and at once after any action: see `useRefreshTodo`). */
export const useTodo = () =>
  useQuery({
    queryKey: TODO_QUERY_KEY,
    queryFn: async () => (await httpClient('/api/cases/todo')).json as TodoBucket[],
    select: orderBuckets,
    refetchInterval: 60_000,
  });

/** Call after acting on a case so the badge and the page count again. */
export const useRefreshTodo = () => {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: TODO_QUERY_KEY }), [queryClient]);
};
