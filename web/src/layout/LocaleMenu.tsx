import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useLocaleState, useLocales } from 'react-admin';

/** The menu of LocaleSwitch (a chunk of its own): both languages, the current one selected. */
export default function LocaleMenu({ anchor, onClose }: { anchor: HTMLElement | null; onClose: () => void }) {
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  return (
    <Menu id="locale-menu" anchorEl={anchor} keepMounted open={Boolean(anchor)} onClose={onClose}>
      {languages.map((language) => (
        <MenuItem
          key={language.locale}
          selected={language.locale === locale}
          onClick={() => {
            setLocale(language.locale);
            onClose();
          }}
        >
          {language.name}
        </MenuItem>
      ))}
    </Menu>
  );
}
