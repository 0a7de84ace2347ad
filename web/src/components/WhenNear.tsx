import { useEffect, useRef, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';

/**
 * Its children, drawn once the place they take comes near the screen (IntersectionObserver, 200 px ahead), or at the
 * first scroll, key or pointer press on the page, whichever comes first; until then an empty box of `minHeight`. A
 * dashboard's sections below the first screen (the compliance charts, the recent activity) are so not rendered, nor
 * their code run, while the first screen loads on a phone (issue 16 item 4); a keyboard user's first key draws them,
 * before focus can move past them. Where there is no IntersectionObserver (jsdom) they are drawn at once.
 */
export function WhenNear({ children, minHeight, margin = '200px 0px', placeholder }: {
  children: ReactNode;
  minHeight: number;
  /** How far ahead of the screen (IntersectionObserver's rootMargin). */
  margin?: string;
  /** Shown until then, in a box of minHeight. */
  placeholder?: ReactNode;
}) {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (near || !box.current) return;
    const show = () => setNear(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) show();
    }, { rootMargin: margin });
    observer.observe(box.current);
    const events = ['scroll', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, show, { once: true, passive: true, capture: true });
    return () => {
      observer.disconnect();
      for (const e of events) window.removeEventListener(e, show, { capture: true });
    };
  }, [near, margin]);
  return near ? <>{children}</> : <Box ref={box} sx={{ minHeight }}>{placeholder}</Box>;
}
