import type { ActionFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { acknowledgeItems } from './checklist.server';
import {
  applicableItemIds,
  checklistTemplateFor,
  templateItems,
} from './checklist-template.server';
import { ItemPatchSchema, updateChecklistItem } from './checklist-update.server';
import type { ItemValues } from './checklist-update.server';
import type { ItemField } from './checklist-status';
import { ITEM_FIELDS } from './checklist-status';
import { echoValues, field, parseForm } from '../forms.server';
import type { PracticeAccess } from '../auth/practice-access.server';

/** What a checklist item action returns to the page (and to a fetcher). */
export type ItemActionResult =
  | { itemId: string; ok: true; version: number; saved: boolean }
  | {
      itemId: string;
      ok: false;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string | string[]>;
      formError?: string;
      conflict?: {
        current: ItemValues & { version: number };
        yourChanges: Partial<ItemValues>;
        theirFields: ItemField[];
      };
    };

/**
 * Handles `intent=update` (change an item, with the version the member saw)
 * and `intent=acknowledge` (clear an item's new/changed badge) for the item
 * named by `itemId`. 400 with field errors, 409 with the current values on a
 * version conflict, 404 when the item is not in the practice's checklist.
 */
export async function handleItemAction(
  args: ActionFunctionArgs,
  access: PracticeAccess,
  { itemId, formData }: { itemId: string; formData: FormData },
) {
  const { db } = args.context;
  const template = checklistTemplateFor(args.context);
  const intent = field(formData, 'intent') || 'update';

  if (intent === 'acknowledge') {
    const known = templateItems(template).some((item) => item.id === itemId);
    if (!known || !applicableItemIds(template, access.practice).has(itemId)) {
      throw new Response('This item is not on your practice’s checklist.', { status: 404 });
    }
    await acknowledgeItems(db, { practiceId: access.practiceId, template, itemId });
    return data({ itemId, ok: true, version: -1, saved: false } satisfies ItemActionResult);
  }
  if (intent !== 'update') {
    return data({ itemId, ok: false, formError: 'Unknown action.' } satisfies ItemActionResult, {
      status: 400,
    });
  }

  const input: Record<string, string> = { expectedVersion: field(formData, 'expectedVersion') };
  for (const name of ITEM_FIELDS) {
    if (formData.has(name)) input[name] = field(formData, name);
  }
  const parsed = parseForm(ItemPatchSchema, formData, input);
  if (!parsed.ok) {
    return data({ itemId, ...parsed } satisfies ItemActionResult, { status: 400 });
  }
  const outcome = await updateChecklistItem(db, {
    practice: access.practice,
    template,
    itemId,
    actor: { id: access.user.id, name: access.user.name },
    patch: parsed.data,
  });
  switch (outcome.kind) {
    case 'not-found':
      throw new Response('This item is not on your practice’s checklist.', { status: 404 });
    case 'invalid':
      return data(
        {
          itemId,
          ok: false,
          fieldErrors: outcome.fieldErrors,
          values: echoValues(formData),
        } satisfies ItemActionResult,
        { status: 400 },
      );
    case 'conflict':
      return data(
        {
          itemId,
          ok: false,
          formError:
            'Someone else saved this item while you were editing it. Nothing of yours was saved yet: compare, then re-apply your changes.',
          conflict: {
            current: outcome.current,
            yourChanges: outcome.yourChanges,
            theirFields: outcome.theirFields,
          },
        } satisfies ItemActionResult,
        { status: 409 },
      );
    default:
      return data({
        itemId,
        ok: true,
        version: outcome.version,
        saved: outcome.kind === 'saved',
      } satisfies ItemActionResult);
  }
}
