export interface OfferedFeature {
  name: string;
  isActive: boolean;
}

/**
 * The subscription's own spelling of the feature a request names, or why it cannot be asked for:
 * only an add-on on offer can be added, only an active feature removed.
 */
export function checkRequestedFeature(
  kind: 'add_feature' | 'remove_feature',
  name: string,
  features: OfferedFeature[],
): { name: string } | { refusal: string } {
  const feature = features.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!feature) return { refusal: `This subscription has no feature called "${name}".` };
  if (kind === 'add_feature' && feature.isActive) return { refusal: `${feature.name} is already active on this subscription.` };
  if (kind === 'remove_feature' && !feature.isActive) return { refusal: `${feature.name} is not active on this subscription.` };
  return { name: feature.name };
}
