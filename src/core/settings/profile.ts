// Which ModelArts specification an image is judged by, when the profile is 'auto': the base
// image says it through its users. ModelArts' new-version training bases have ma-user (UID 1000,
// home /home/ma-user); the old-version bases have work (UID 1101) and the ModelArts tools in
// /home/work. Anything else is judged by the published (legacy) specification.
import type { ImageFacts } from '../facts';
import { readPasswd } from '../fs/passwd';
import { MODELARTS_TOOLS, withProfile, type ProfileName, type Settings } from './settings';

export interface AppliedProfile {
  name: ProfileName;
  /** Why, in a few words ("the base image has the user ma-user (UID 1000)"). */
  reason: string;
}

/** The profile in force for these facts, and the settings it gives. */
export function applyProfile(settings: Settings, facts: ImageFacts): { profile: AppliedProfile; settings: Settings } {
  if (settings.profileChoice !== 'auto') {
    return { profile: { name: settings.profile, reason: 'it was chosen in the settings (--profile, the profile input or the config file)' }, settings };
  }
  const profile = detectProfile(facts);
  return { profile, settings: profile.name === settings.profile ? settings : withProfile(settings, profile.name) };
}

/** The profile the base image's users point to (the image's own users when no base is known). */
export function detectProfile(facts: ImageFacts): AppliedProfile {
  const hasBase = facts.base.layerCount > 0;
  const fs = hasBase ? facts.baseFs : facts.fs;
  const whose = hasBase ? 'the base image' : 'the image (no base image is known)';
  const users = readPasswd(fs) ?? [];
  const maUser = users.find((u) => (u.name === 'ma-user' && u.uid === 1000) || u.home.replace(/\/+$/, '') === '/home/ma-user');
  if (maUser) return { name: 'current', reason: `${whose} has the user ${maUser.name} (UID ${maUser.uid}, home ${maUser.home || 'none'})` };
  const work = users.find((u) => u.name === 'work' && u.uid === 1101);
  if (work) return { name: 'legacy', reason: `${whose} has the user work (UID 1101)` };
  if (MODELARTS_TOOLS.some((tool) => fs.resolve(`/home/work/${tool}`))) return { name: 'legacy', reason: `${whose} has the ModelArts tools in /home/work` };
  return { name: 'legacy', reason: `${whose} has neither ma-user nor work: the published specification applies` };
}
