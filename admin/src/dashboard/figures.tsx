import { useGetList, useTranslate } from 'react-admin';
import { OPEN_STATUSES } from '../common/choices';
import { casesPath, type CaseFilter } from '../reports/drill';
import { FigureCard } from './FigureCard';

export const OPEN = { status: [...OPEN_STATUSES] };
export const OVERDUE = { ...OPEN, overdue: true };

/** A count straight from Content-Range: one request for no rows. */
export const Figure = ({ label, filter, color, testId }: { label: string; filter: CaseFilter; color?: string; testId?: string }) => {
  const t = useTranslate();
  const { total, isPending } = useGetList('cases', { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'receivedAt', order: 'DESC' } });
  return <FigureCard label={t(label)} value={isPending ? '…' : total} to={casesPath(filter)} color={color} testId={testId ?? `figure-${label}`} />;
};
