import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SchoolIcon from '@mui/icons-material/School';
import { LocalesMenuButton } from 'react-admin';
import { MuiLocale } from './MuiLocale';
import { useDocumentLanguage } from './useDocumentLanguage';

/**
 * A page anyone may open without signing in (the join page, its confirmation), in the look of the
 * sign-in page: the programme's background, the language menu, one card with a heading.
 */
export function PublicPage({ title, maxWidth = 400, children }: { title: string; maxWidth?: number; children: ReactNode }) {
  useDocumentLanguage();
  return (
    <MuiLocale>
    <Box
      component="main"
      sx={{
        minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2,
        background: 'linear-gradient(135deg, #1f2430 0%, #283593 55%, #ff6a00 140%)',
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8, color: '#fff' }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: '100%', maxWidth, my: 6 }} elevation={8}>
        <CardContent sx={{ p: 4 }}>
          <Stack spacing={1} sx={{ mb: 3, alignItems: 'center' }}>
            <Box sx={{ bgcolor: 'primary.main', color: '#fff', borderRadius: 2, p: 1, display: 'flex' }}>
              <SchoolIcon fontSize="large" />
            </Box>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600, textAlign: 'center' }}>{title}</Typography>
          </Stack>
          {children}
        </CardContent>
      </Card>
    </Box>
    </MuiLocale>
  );
}
