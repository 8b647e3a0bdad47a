import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>There is nothing here, or it is not yours to see.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </div>
  );
}
