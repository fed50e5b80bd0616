import { excerpt } from '../text/excerpt';
import { lastInstruction, type RawFinding } from '../facts';
import { ACCOUNT_NEEDS, GO_NUMBER, readGroups, readPasswd, resolveUser } from '../fs/passwd';
import { SOURCES, type Rule } from './rule';

/** Characters of a USER value (or its group) quoted in a message; the config may hold megabytes. */
const SHOWN = 64;
/** The highest UID or GID container runtimes accept (runc and iSulad: "uids and gids must be in range 0-2147483647"). */
const MAX_ID = 2 ** 31 - 1;
const shown = (text: string) => excerpt(text, SHOWN);
const outOfRange = (id: number) => id < 0 || id > MAX_ID;

export const defaultUser: Rule = {
  id: 'default-user',
  defaultSeverity: 'error',
  description:
    'The default user (Config.User) must resolve to the expected UID: 1101 in old-version training, 1000 (with primary group GID 100) in new-version training.',
  spec: 'The default user of a custom image must be the user whose UID is 1101.',
  source: SOURCES.oldTraining,
  needs: () => ACCOUNT_NEEDS,
  check(facts, settings) {
    const expected = settings.expectedUid;
    // Not trimmed: the runtime does not trim it either (" 1101" is a name it does not find).
    const user = facts.config.config?.User ?? '';
    const instruction = lastInstruction(facts.config, 'USER');
    const fix = `end the Dockerfile with "USER ${expected}" (or the name of the user with UID ${expected} in the base image)`;
    if (user === '') {
      return [{ message: `The image has no default user, so it runs as root (UID 0); ModelArts requires UID ${expected}: ${fix}.` }];
    }
    const [userPart, groupPart] = user.split(':', 2);
    const passwd = readPasswd(facts.fs);
    let uid: number;
    if (GO_NUMBER.test(userPart)) {
      // Read as the runtime reads it (Go's Atoi: a sign and leading zeros allowed); it refuses values outside 0 to MAX_ID.
      uid = Number(userPart);
      if (outOfRange(uid))
        return [
          {
            message: `USER "${shown(user)}" is not a UID a container can run as (container runtimes accept 0 to ${MAX_ID}), so the container would not start; ${fix}.`,
            instruction
          }
        ];
    } else {
      if (!passwd) {
        return [{ message: `USER "${shown(user)}" cannot be resolved: the image has no readable /etc/passwd; use the numeric UID ${expected}.`, instruction }];
      }
      const entry = passwd.find((p) => p.name === userPart);
      if (!entry) {
        return [
          {
            message: `USER "${shown(user)}" is not a user in the image's /etc/passwd, so the container would not start; ${fix}.`,
            path: '/etc/passwd',
            instruction
          }
        ];
      }
      uid = entry.uid;
    }
    const findings: RawFinding[] = [];
    if (uid !== expected) {
      const who = uid === 0 ? 'root (UID 0)' : `UID ${uid}`;
      findings.push({ message: `The default user "${shown(user)}" is ${who}; ModelArts requires UID ${expected}: ${fix}.`, instruction });
    }
    const numericGroup = groupPart !== undefined && GO_NUMBER.test(groupPart);
    if (numericGroup && outOfRange(Number(groupPart))) {
      findings.push({
        message: `USER "${shown(user)}" names the GID ${shown(groupPart!)}, which container runtimes refuse (they accept 0 to ${MAX_ID}), so the container would not start.`,
        instruction
      });
    }
    if (groupPart && !numericGroup) {
      const groups = readGroups(facts.fs);
      if (!groups?.some((g) => g.name === groupPart)) {
        findings.push({
          message: `USER "${shown(user)}" names the group "${shown(groupPart)}", which is not in the image's /etc/group, so the container would not start.`,
          path: '/etc/group',
          instruction
        });
      }
    }
    const gid = findings.length === 0 && settings.expectedGid !== undefined ? resolveUser(facts.fs, user)?.gid : undefined;
    if (gid !== undefined && gid !== settings.expectedGid) {
      findings.push({
        severity: 'warning',
        message: `The default user "${shown(user)}" has the primary group GID ${gid}; ModelArts expects GID ${settings.expectedGid} (ma-group): create the group ma-group with GID ${settings.expectedGid} and make it the user's primary group (or end the Dockerfile with "USER ${expected}:${settings.expectedGid}").`,
        instruction
      });
    }
    return findings;
  }
};
