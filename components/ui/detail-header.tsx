import Link from "next/link";
import { PageHeader } from "./card";

type DetailHeaderProps = React.ComponentProps<typeof PageHeader> & {
  // The list this page is one item of: where "back" goes.
  back: { href: string; label: string };
};

// The top of a detail page: a link back to its list, then the page's title block.
export function DetailHeader({ back, ...header }: DetailHeaderProps) {
  return (
    <>
      <Link href={back.href} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {back.label}
      </Link>
      <div className="mt-2">
        <PageHeader {...header} />
      </div>
    </>
  );
}
