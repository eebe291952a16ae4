import { Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';

export interface ListedLink {
  readonly href: string;
  readonly text: string;
  /** The language of the linked document: the link text is in it too. */
  readonly lang?: 'nl' | 'en';
  /** Save as this file name instead of opening it. */
  readonly download?: string;
  readonly onClick?: (e: MouseEvent<HTMLAnchorElement>) => void;
}

/** A bulleted list of links (downloads, or the error summary's jumps to fields). */
export const LinkList = ({ links }: { readonly links: readonly ListedLink[] }) => (
  <UnorderedList>
    {links.map((l) => (
      <UnorderedListItem key={l.href}>
        <Link
          href={l.href}
          {...(l.lang ? { lang: l.lang, hrefLang: l.lang } : {})}
          {...(l.download ? { download: l.download } : {})}
          {...(l.onClick ? { onClick: l.onClick } : {})}
        >
          {l.text}
        </Link>
      </UnorderedListItem>
    ))}
  </UnorderedList>
);
