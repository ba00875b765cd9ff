import type { SubscriptionRequestCreate, SubscriptionRequestKind } from '../../contract/subscription-request.ts';

/** The request form's contents, as chosen so far. */
export interface ChangeRequestDraft {
  kind: SubscriptionRequestKind;
  subscriptionId: string;
  featureName: string;
  message: string;
}

export const requestKinds: SubscriptionRequestKind[] = ['add_feature', 'remove_feature', 'change_plan', 'cancel', 'other'];

export const namesFeature = (kind: SubscriptionRequestKind): boolean => kind === 'add_feature' || kind === 'remove_feature';

/** What to send: only the fields this kind of request takes. */
export function requestOf(draft: ChangeRequestDraft): SubscriptionRequestCreate {
  return {
    kind: draft.kind,
    ...(draft.subscriptionId && { subscriptionId: draft.subscriptionId }),
    ...(namesFeature(draft.kind) && draft.featureName && { featureName: draft.featureName }),
    ...(draft.message.trim() && { message: draft.message.trim() }),
  };
}
