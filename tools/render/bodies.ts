// The rigged bodies a clip can show, where their files live, and the one table that maps our joint
// names onto each rig's bone names. The split into tuning and held-out bodies is fixed here: nothing
// is tuned or fitted on a held-out body, and the accuracy we report comes from held-out bodies only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Rig = 'unreal' | 'mixamo';
export type Split = 'tuning' | 'heldout';

/** The joints the renderer poses or reads landmarks from. */
export type Joint =
  | 'pelvis'
  | 'head'
  | 'thigh_l'
  | 'thigh_r'
  | 'calf_l'
  | 'calf_r'
  | 'foot_l'
  | 'foot_r'
  | 'toe_l'
  | 'toe_r'
  | 'toeEnd_l'
  | 'toeEnd_r'
  | 'upperarm_l'
  | 'upperarm_r'
  | 'lowerarm_l'
  | 'lowerarm_r'
  | 'hand_l'
  | 'hand_r'
  | 'spine';

/** One table: our joint -> bone name in each rig (Unreal-style Quaternius, Mixamo-style VALID). */
export const RIG_BONES: Readonly<Record<Joint, Readonly<Record<Rig, string>>>> = {
  pelvis: { unreal: 'pelvis', mixamo: 'Hips' },
  head: { unreal: 'Head', mixamo: 'Head' },
  thigh_l: { unreal: 'thigh_l', mixamo: 'LeftUpLeg' },
  thigh_r: { unreal: 'thigh_r', mixamo: 'RightUpLeg' },
  calf_l: { unreal: 'calf_l', mixamo: 'LeftLeg' },
  calf_r: { unreal: 'calf_r', mixamo: 'RightLeg' },
  foot_l: { unreal: 'foot_l', mixamo: 'LeftFoot' },
  foot_r: { unreal: 'foot_r', mixamo: 'RightFoot' },
  toe_l: { unreal: 'ball_l', mixamo: 'LeftToeBase' },
  toe_r: { unreal: 'ball_r', mixamo: 'RightToeBase' },
  toeEnd_l: { unreal: 'ball_leaf_l', mixamo: 'LeftToeEnd' },
  toeEnd_r: { unreal: 'ball_leaf_r', mixamo: 'RightToeEnd' },
  upperarm_l: { unreal: 'upperarm_l', mixamo: 'LeftArm' },
  upperarm_r: { unreal: 'upperarm_r', mixamo: 'RightArm' },
  lowerarm_l: { unreal: 'lowerarm_l', mixamo: 'LeftForeArm' },
  lowerarm_r: { unreal: 'lowerarm_r', mixamo: 'RightForeArm' },
  hand_l: { unreal: 'hand_l', mixamo: 'LeftHand' },
  hand_r: { unreal: 'hand_r', mixamo: 'RightHand' },
  spine: { unreal: 'spine_01', mixamo: 'Spine' },
};

/** The bone names of one rig, keyed by our joint names (sent to the render page). */
export function rigBones(rig: Rig): Record<Joint, string> {
  return Object.fromEntries(Object.entries(RIG_BONES).map(([j, names]) => [j, names[rig]])) as Record<
    Joint,
    string
  >;
}

export type BuiltInClothes = 'bodysuit' | 'shorts-socks-sneakers' | 'long-trousers';

export interface Body {
  readonly name: string;
  readonly rig: Rig;
  readonly split: Split;
  readonly sex: 'female' | 'male';
  readonly clothes: BuiltInClothes;
  readonly licence: string;
}

export const BODIES: readonly Body[] = [
  {
    name: 'UBC_Superhero_Male',
    rig: 'unreal',
    split: 'tuning',
    sex: 'male',
    clothes: 'bodysuit',
    licence: 'CC0 1.0, Quaternius',
  },
  {
    name: 'valid_AIAN_M_2_Casual',
    rig: 'mixamo',
    split: 'tuning',
    sex: 'male',
    clothes: 'long-trousers',
    licence: 'MIT, VALID (Tiffany Do)',
  },
  {
    name: 'valid_Asian_F_1_Default',
    rig: 'mixamo',
    split: 'tuning',
    sex: 'female',
    clothes: 'shorts-socks-sneakers',
    licence: 'MIT, VALID (Tiffany Do)',
  },
  {
    name: 'valid_Hispanic_F_2_Default',
    rig: 'mixamo',
    split: 'tuning',
    sex: 'female',
    clothes: 'shorts-socks-sneakers',
    licence: 'MIT, VALID (Tiffany Do)',
  },
  {
    name: 'valid_Black_F_2_Casual',
    rig: 'mixamo',
    split: 'heldout',
    sex: 'female',
    clothes: 'long-trousers',
    licence: 'MIT, VALID (Tiffany Do)',
  },
  {
    name: 'valid_Black_M_1_Default',
    rig: 'mixamo',
    split: 'heldout',
    sex: 'male',
    clothes: 'shorts-socks-sneakers',
    licence: 'MIT, VALID (Tiffany Do)',
  },
  {
    name: 'valid_White_M_2_Default',
    rig: 'mixamo',
    split: 'heldout',
    sex: 'male',
    clothes: 'shorts-socks-sneakers',
    licence: 'MIT, VALID (Tiffany Do)',
  },
];

export const TUNING_BODIES = BODIES.filter((b) => b.split === 'tuning').map((b) => b.name);
export const HELDOUT_BODIES = BODIES.filter((b) => b.split === 'heldout').map((b) => b.name);

export function bodyNamed(name: string): Body {
  const b = BODIES.find((x) => x.name === name);
  if (!b)
    throw new RangeError(`body: no body named ${name}; there are ${BODIES.map((x) => x.name).join(', ')}`);
  return b;
}

const here = fileURLToPath(new URL('.', import.meta.url));
/** Where the shared models live: `../shared/models` beside the repository. */
export const SHARED_MODELS_DIR = join(here, '..', '..', '..', 'shared', 'models');

/** The GLB file of a body: the shared models folder, or the committed copy of the CC0 body. */
export function bodyFile(name: string): string {
  bodyNamed(name);
  const shared = join(SHARED_MODELS_DIR, `${name}.glb`);
  if (existsSync(shared)) return shared;
  const local = join(here, 'assets', `${name}.glb`);
  if (existsSync(local)) return local;
  throw new Error(
    `body ${name}: no ${name}.glb in ${SHARED_MODELS_DIR} (the shared models folder beside the repository)`,
  );
}
