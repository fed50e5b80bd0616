// File capabilities: the `security.capability` extended attribute that `setcap` writes and that
// Docker carries in a layer as the PAX record SCHILY.xattr.security.capability (moby reads it
// into every layer it exports, and writes it back when it unpacks one). Running such a file
// grants its capabilities to any user, as a setuid-root file grants root: `cap_setuid+ep` on a
// copy of python is root for UID 1101. The value is the kernel's struct vfs_cap_data
// (linux/capability.h), little-endian.

/** Capability numbers to names, as `getcap` prints them (without the "cap_" prefix). */
const NAMES = [
  'chown',
  'dac_override',
  'dac_read_search',
  'fowner',
  'fsetid',
  'kill',
  'setgid',
  'setuid',
  'setpcap',
  'linux_immutable',
  'net_bind_service',
  'net_broadcast',
  'net_admin',
  'net_raw',
  'ipc_lock',
  'ipc_owner',
  'sys_module',
  'sys_rawio',
  'sys_chroot',
  'sys_ptrace',
  'sys_pacct',
  'sys_admin',
  'sys_boot',
  'sys_nice',
  'sys_resource',
  'sys_time',
  'sys_tty_config',
  'mknod',
  'lease',
  'audit_write',
  'audit_control',
  'setfcap',
  'mac_override',
  'mac_admin',
  'syslog',
  'wake_alarm',
  'block_suspend',
  'audit_read',
  'perfmon',
  'bpf',
  'checkpoint_restore'
];

const capName = (n: number) => `cap_${NAMES[n] ?? n}`;

const REVISION_MASK = 0xff000000;
const EFFECTIVE = 0x000001;
/** Revision -> the only size the kernel accepts for it (revision 1: 32-bit sets). */
const SIZES = new Map([
  [0x01000000, 12],
  [0x02000000, 20],
  [0x03000000, 24]
]);

export interface FileCapabilities {
  /** Granted on exec whatever the caller holds (within the container's bounding set). */
  permitted: string[];
  /** Granted only to a caller that holds them in its own inheritable set. */
  inheritable: string[];
  /** The effective flag: the permitted set is in force from the first instruction. */
  effective: boolean;
}

/** Decodes the attribute's value; null when its revision and size do not match (Linux refuses it). */
export function decodeCapabilities(value: Uint8Array): FileCapabilities | null {
  if (value.length < 4) return null;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const magic = view.getUint32(0, true);
  if (SIZES.get((magic & REVISION_MASK) >>> 0) !== value.length) return null;
  const words = value.length === 12 ? 1 : 2;
  const permitted: string[] = [];
  const inheritable: string[] = [];
  for (let w = 0; w < words; w++) {
    const p = view.getUint32(4 + 8 * w, true);
    const i = view.getUint32(8 + 8 * w, true);
    for (let bit = 0; bit < 32; bit++) {
      if ((p >>> bit) & 1) permitted.push(capName(32 * w + bit));
      if ((i >>> bit) & 1) inheritable.push(capName(32 * w + bit));
    }
  }
  return { permitted, inheritable, effective: (magic & EFFECTIVE) !== 0 };
}

/** As `getcap` writes them: "cap_net_raw,cap_setuid=ep", or "cap_x=p cap_y=i". */
export function describeCapabilities(caps: FileCapabilities): string {
  const both = caps.permitted.filter((c) => caps.inheritable.includes(c));
  const permittedOnly = caps.permitted.filter((c) => !both.includes(c));
  const inheritableOnly = caps.inheritable.filter((c) => !both.includes(c));
  const e = caps.effective ? 'e' : '';
  return [
    both.length ? `${both.join(',')}=${e}ip` : '',
    permittedOnly.length ? `${permittedOnly.join(',')}=${e}p` : '',
    inheritableOnly.length ? `${inheritableOnly.join(',')}=i` : ''
  ]
    .filter(Boolean)
    .join(' ');
}
