"use client";

import { ErrorNotice } from "@/components/error-notice";

/** A page that failed to render: the layout around it, with the header and Quick exit, stays. */
export default function PageError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorNotice {...props} />;
}
