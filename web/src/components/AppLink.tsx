import { Link, type LinkProps } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { useRouter } from '../router.js';

/** A Utrecht link that navigates inside the app without reloading the page. */
export const AppLink = ({ href, onClick, ...rest }: LinkProps & { href: string }) => {
  const router = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.navigate(href);
  };
  return <Link href={href} onClick={handle} {...rest} />;
};
