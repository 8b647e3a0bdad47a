import { therapyRoleAction } from "@/app/account/actions";
import { ActionForm } from "@/components/ui/action-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { THERAPY_ROLE_PRIVACY, THERAPY_ROLES } from "@/lib/content/therapy-roles";
import type { TherapyRole } from "@/lib/generated/prisma/client";

/** "Who is in therapy?", asked on the welcome page and changeable on the Account page. */
export function TherapyRoleForm({ role }: { role: TherapyRole | null }) {
  return (
    <ActionForm action={therapyRoleAction} submitLabel="Save my answer" pendingLabel="Saving…" tone="secondary">
      <p className="text-sm text-stone-700 dark:text-stone-300">{THERAPY_ROLE_PRIVACY}</p>
      <ChoiceGroup name="role" legend="Who is in therapy?" type="radio" choices={THERAPY_ROLES} selected={role} noneLabel="I'd rather not say" />
    </ActionForm>
  );
}
