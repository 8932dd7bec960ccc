import { Box, Button, Card, CardActions, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useTranslate } from 'react-admin';
import { articleSuggestions, type Suggestion } from './deskApi';
import { useDebounced } from './useDebounced';

/**
 * 知识库: while a request is logged, the articles in force for its category (or the words searched here);
 * "用此答复" logs the consultation and closes it on the spot with the article linked.
 */
export const ArticlePanel = ({ onAnswer, busy }: { onAnswer: (a: Suggestion) => void; busy: boolean }) => {
  const t = useTranslate();
  const categoryId = useWatch({ name: 'categoryId' });
  const [words, setWords] = useState('');
  const params = useDebounced({ categoryId: categoryId || undefined, q: words.trim() || undefined }, 400);
  const enabled = !!params.categoryId || !!params.q;
  const { data = [] } = useQuery({ queryKey: ['article-suggestions', params], queryFn: () => articleSuggestions(params), enabled, staleTime: 30_000 });
  if (!enabled && !words) return null;
  return (
    <Box data-testid="articles">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {t('app.knowledge.at_intake', { smart_count: data.length })}
      </Typography>
      <TextField size="small" fullWidth label={t('app.knowledge.search')} value={words} onChange={(e) => setWords(e.target.value)} sx={{ mb: 1 }} />
      <Stack spacing={1}>
        {data.map((a) => (
          <Card key={a.id} variant="outlined" data-testid="article">
            <CardContent sx={{ pb: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                <Link to={`/articles/${a.id}/show`} target="_blank">
                  {a.title}
                </Link>
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {a.excerpt}
              </Typography>
              <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
                {a.public && <Chip size="small" color="success" variant="outlined" label={t('app.knowledge.public')} />}
                <Chip size="small" variant="outlined" label={t('app.knowledge.used', { smart_count: a.uses })} />
              </Stack>
            </CardContent>
            <CardActions>
              <Button size="small" variant="contained" disabled={busy} onClick={() => onAnswer(a)}>
                {t('app.knowledge.answer_with')}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Stack>
    </Box>
  );
};
