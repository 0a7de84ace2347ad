import { lazy, Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import LanguageIcon from '@mui/icons-material/Translate';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLocaleState, useLocales } from 'react-admin';

const loadMenu = () => import('./LocaleMenu');
const LocaleMenu = lazy(loadMenu);

/**
 * The sign-in page's language switch: react-admin's LocalesMenuButton (the same button: the current language's name,
 * a menu listing both), except that MUI's menu (popover, modal, focus trap, transitions) is loaded when the pointer
 * or the focus reaches the button, not with the page (issue 16 item 4).
 */
export function LocaleSwitch() {
  const languages = useLocales();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [wanted, setWanted] = useState(false);
  const prefetch = () => void loadMenu();
  return (
    <span>
      <Button
        color="inherit"
        variant="text"
        aria-controls="locale-menu"
        aria-haspopup="true"
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={(event) => {
          setAnchor(event.currentTarget);
          setWanted(true);
        }}
        startIcon={<LanguageIcon />}
        endIcon={<ExpandMoreIcon fontSize="small" />}
      >
        {languages.find((l) => l.locale === locale)?.name ?? ''}
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <LocaleMenu anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      )}
    </span>
  );
}
