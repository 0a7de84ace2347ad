import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** A mail's plain text as written (line breaks kept), every http(s) address in it a link. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <Typography component="div" variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit' }} data-testid="mail-text">
      {parts.map((part, i) => (i % 2 === 1
        ? <Link key={i} href={part} target="_blank" rel="noopener noreferrer">{part}</Link>
        : <span key={i}>{part}</span>))}
    </Typography>
  );
}
