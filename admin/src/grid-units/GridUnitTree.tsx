import { RichTreeView } from '@mui/x-tree-view/RichTreeView';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { unitTree, type UnitRow } from './unitTree';

/**
 * The units as a tree (MUI X Tree View, its own chunk): the arrow opens a level, the name opens the unit's page.
 * The top three levels start open (down to a community's grids); a search opens every level it keeps.
 */
export default function GridUnitTree({ rows, search }: { rows: UnitRow[]; search: string }) {
  const navigate = useNavigate();
  const items = useMemo(() => unitTree(rows, search), [rows, search]);
  const expanded = useMemo(() => {
    const ids: string[] = [];
    const walk = (nodes: typeof items, depth: number) => {
      for (const n of nodes) {
        if (n.children.length && (search.trim() || depth < 3)) ids.push(n.id);
        walk(n.children, depth + 1);
      }
    };
    walk(items, 0);
    return ids;
  }, [items, search]);
  return (
    <RichTreeView
      key={search /* a new search opens its own levels */}
      items={items}
      defaultExpandedItems={expanded}
      expansionTrigger="iconContainer"
      disableSelection
      onItemClick={(event, id) => {
        if ((event.target as HTMLElement).closest('.MuiTreeItem-iconContainer')) return;
        navigate(`/grid-units/${id}/show`);
      }}
      sx={{ '& .MuiTreeItem-content': { py: 0.5 } }}
      data-testid="grid-unit-tree"
    />
  );
}
