import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { NoteForm } from "@/components/notes/note-form";
import { requireUser } from "@/lib/auth/session";
import { createNoteAction } from "../actions";

export const metadata: Metadata = { title: "New note" };

export default async function NewNotePage() {
  await requireUser();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/notes">← My private space</Link>
      </p>
      <h1 className="text-2xl font-semibold">New private note</h1>
      <p className="text-stone-700 dark:text-stone-300">Only you will ever see this note.</p>
      <NoteForm
        action={createNoteAction}
        initial={{ title: "", body: "", workingOn: "", sessionDate: "" }}
        submitLabel="Save note"
        formKey={randomUUID()}
      />
    </div>
  );
}
