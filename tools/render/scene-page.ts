// The page headless Chromium runs to render a clip: three.js draws one of the rigged bodies (any rig,
// through the joint table of bodies.ts) in the posture, clothes, room, camera and light of a
// ClipSpec; each call to __frame poses hips, knees and ankles, renders, sends the pixels to the
// loopback server and returns the true 2D landmarks of that frame.

/** HTML of the render page (three.js served from node_modules under /three/). */
export function scenePageHtml(): string {
  return `<!doctype html><meta charset="utf-8"><title>anklepump render</title>
<style>html,body{margin:0;background:#000}</style>
<script type="importmap">{"imports":{"three":"/three/build/three.module.js"}}</script>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from '/three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from '/three/examples/jsm/libs/meshopt_decoder.module.js';
const rad = (d) => (d * Math.PI) / 180;
const wpos = (o) => o.getWorldPosition(new THREE.Vector3());
function rotateWorld(bone, axis, angle) {
  const q = new THREE.Quaternion().setFromAxisAngle(axis, angle);
  const pq = new THREE.Quaternion(), wq = new THREE.Quaternion();
  bone.parent.updateWorldMatrix(true, false);
  bone.parent.getWorldQuaternion(pq);
  bone.getWorldQuaternion(wq);
  bone.quaternion.copy(pq.invert().multiply(q.multiply(wq)));
  bone.updateMatrixWorld(true);
}
// Turns a bone so that the direction to its child points along 'dir' (world).
function aimBone(bone, child, dir) {
  const cur = wpos(child).sub(wpos(bone)).normalize();
  const q = new THREE.Quaternion().setFromUnitVectors(cur, dir.clone().normalize());
  const axis = new THREE.Vector3(q.x, q.y, q.z);
  if (axis.lengthSq() < 1e-12) return;
  const angle = 2 * Math.acos(Math.min(1, Math.max(-1, q.w)));
  rotateWorld(bone, axis.normalize(), angle);
}
function mulberry32(a) {
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
function patternTexture(pattern, color, rnd, repeat) {
  const c = document.createElement('canvas'); c.width = c.height = 256;
  const g = c.getContext('2d');
  const base = new THREE.Color(color);
  const shade = (k) => '#' + base.clone().multiplyScalar(k).getHexString();
  g.fillStyle = shade(1); g.fillRect(0, 0, 256, 256);
  const n = 4 + Math.floor(rnd() * 8);
  if (pattern === 'stripes') { g.fillStyle = shade(0.7 + rnd() * 0.2); for (let i = 0; i < n; i++) g.fillRect((i * 256) / n, 0, 128 / n, 256); }
  if (pattern === 'checks') { g.fillStyle = shade(0.65); for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if ((i + j) % 2) g.fillRect((i * 256) / n, (j * 256) / n, 256 / n, 256 / n); }
  if (pattern === 'tiles') { g.strokeStyle = shade(0.55); g.lineWidth = 3; for (let i = 0; i <= n; i++) { g.beginPath(); g.moveTo((i * 256) / n, 0); g.lineTo((i * 256) / n, 256); g.moveTo(0, (i * 256) / n); g.lineTo(256, (i * 256) / n); g.stroke(); } }
  if (pattern === 'noise') { for (let i = 0; i < 3000; i++) { g.fillStyle = shade(0.6 + rnd() * 0.7); g.fillRect(rnd() * 256, rnd() * 256, 2 + rnd() * 4, 2 + rnd() * 4); } }
  const t = new THREE.CanvasTexture(c); t.colorSpace = THREE.SRGBColorSpace;
  t.wrapS = t.wrapT = THREE.RepeatWrapping; t.repeat.set(repeat, repeat);
  return t;
}
function tube(a, b, r0, r1, material) {
  const len = a.distanceTo(b);
  const m = new THREE.Mesh(new THREE.CylinderGeometry(r1, r0, len, 20, 1, true), material);
  m.position.copy(a).lerp(b, 0.5);
  m.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), b.clone().sub(a).normalize());
  return m;
}
// BlazePose index -> our joint (or heel point) whose position stands in for that landmark.
const MAP = ['head','head','head','head','head','head','head','head','head','head','head',
  'upperarm_l','upperarm_r','lowerarm_l','lowerarm_r','hand_l','hand_r','hand_l','hand_r','hand_l','hand_r','hand_l','hand_r',
  'thigh_l','thigh_r','calf_l','calf_r','foot_l','foot_r','heel_l','heel_r','toeEnd_l','toeEnd_r'];

window.__setup = async (spec, bones, bodyUrl) => {
  const { widthPx: W, heightPx: H } = spec;
  const rnd = mulberry32((spec.seed * 2654435761) >>> 0);
  const renderer = new THREE.WebGLRenderer({ antialias: false, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(W, H);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  // Not attached to the page: Chromium then does not composite every frame (pixels are read back).
  const scene = new THREE.Scene();
  const sc = spec.scene;
  scene.background = sc.wallPattern && sc.wallPattern !== 'plain'
    ? patternTexture(sc.wallPattern, sc.wallColor, rnd, 1) : new THREE.Color(sc.wallColor);
  const loader = new GLTFLoader();
  loader.setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.loadAsync(bodyUrl);
  const body = gltf.scene;
  const rig = new THREE.Group();
  rig.add(body); scene.add(rig);
  const J = (j) => { const b = body.getObjectByName(bones[j] ?? j); if (!b) throw new Error('no bone for ' + j); return b; };
  body.updateMatrixWorld(true);
  // Face +Z (toes forward), whatever way the file faces.
  const fwd = wpos(J('toeEnd_l')).sub(wpos(J('foot_l'))).add(wpos(J('toeEnd_r')).sub(wpos(J('foot_r'))));
  body.rotation.y = -Math.atan2(fwd.x, fwd.z);
  body.updateMatrixWorld(true);
  if (wpos(J('thigh_l')).x < wpos(J('thigh_r')).x) throw new Error('body: left leg is not on +X after facing +Z');
  const tint = new THREE.Color(spec.appearance?.tint ?? '#ffffff');
  body.traverse((o) => {
    if (o.isMesh) {
      o.frustumCulled = false;
      const mats = Array.isArray(o.material) ? o.material : [o.material];
      for (const m of mats) if (m.color) m.color.multiply(tint);
    }
  });
  // Arms down by the sides (from a T- or A-pose); sitting, the hands rest on the thighs.
  for (const s of ['l', 'r']) {
    const out = s === 'l' ? 1 : -1;
    const sit = spec.posture === 'sitting';
    aimBone(J('upperarm_' + s), J('lowerarm_' + s), new THREE.Vector3(0.18 * out, -1, sit ? -0.12 : 0.02));
    aimBone(J('lowerarm_' + s), J('hand_' + s), sit ? new THREE.Vector3(0.05 * out, -0.45, 1) : new THREE.Vector3(0.1 * out, -1, 0.12));
  }
  body.updateMatrixWorld(true);
  // Heel: a point fixed to each foot, behind and below the ankle in the standing rest pose.
  for (const s of ['l', 'r']) {
    const foot = J('foot_' + s);
    const a = wpos(foot), t = wpos(J('toeEnd_' + s));
    const footLen = Math.max(0.1, t.z - a.z);
    const down = Math.min(0.1, Math.max(0.045, (a.y - t.y) * 0.9));
    const heel = new THREE.Object3D(); heel.name = 'heel_' + s;
    foot.add(heel);
    heel.position.copy(foot.worldToLocal(a.clone().add(new THREE.Vector3(0, -down, -Math.min(0.07, Math.max(0.035, 0.28 * footLen))))));
  }
  // Trousers over the legs, built in the standing rest pose and carried by the thigh and calf bones.
  const tr = spec.appearance?.trousers;
  if (tr) {
    const hipW = wpos(J('thigh_l')).distanceTo(wpos(J('thigh_r')));
    const mat = new THREE.MeshStandardMaterial({ color: tr.color, roughness: 0.85, side: THREE.DoubleSide });
    for (const s of ['l', 'r']) {
      const hip = wpos(J('thigh_' + s)), knee = wpos(J('calf_' + s)), ankle = wpos(J('foot_' + s));
      const top = hip.clone().add(new THREE.Vector3(0, 0.04, 0));
      const th = tube(top, knee, 0.56 * hipW, 0.38 * hipW, mat);
      const end = knee.clone().lerp(ankle, tr.cuff === 'ankle' ? 0.86 : 0.55);
      const sh = tube(knee, end, 0.38 * hipW, tr.cuff === 'ankle' ? 0.31 * hipW : 0.34 * hipW, mat);
      scene.add(th); scene.add(sh);
      J('thigh_' + s).attach(th); J('calf_' + s).attach(sh);
    }
  }
  const base = new Map();
  body.traverse((o) => { if (o.isBone) base.set(o, o.quaternion.clone()); });
  const standing = spec.posture === 'standing';
  if (spec.posture === 'lying') rig.rotation.x = -Math.PI / 2;
  rig.updateMatrixWorld(true);
  const AX = new THREE.Vector3(1, 0, 0);
  const bodyAxis = (v) => v.clone().applyQuaternion(rig.quaternion);
  const slideAxis = bodyAxis(spec.posture === 'sitting' ? new THREE.Vector3(0, 1, 0) : new THREE.Vector3(0, 0, 1));
  const X = bodyAxis(AX);
  const zero = { legs: { l: {}, r: {} }, trunkDeg: 0 };
  function pose(st) {
    for (const [b, q] of base) b.quaternion.copy(q);
    body.updateMatrixWorld(true);
    for (const s of ['l', 'r']) {
      const leg = st.legs[s] ?? {};
      const hip = (spec.posture === 'sitting' ? 90 : 0) + (leg.hipFlexDeg ?? 0);
      if (hip) rotateWorld(J('thigh_' + s), X, rad(-hip));
      if (leg.kneeFlexDeg) rotateWorld(J('calf_' + s), X, rad(leg.kneeFlexDeg));
      // Plantarflexion (negative angle) turns the toes away from the shin.
      if (leg.ankleDeg) rotateWorld(J('foot_' + s), X, rad(-leg.ankleDeg));
      if (leg.slideDeg) rotateWorld(J('thigh_' + s), slideAxis, rad(leg.slideDeg * (s === 'l' ? 1 : -1)));
    }
    if (st.trunkDeg) rotateWorld(J('spine'), X, rad(st.trunkDeg));
    body.updateMatrixWorld(true);
  }
  pose(zero);
  const restAnkles = wpos(J('foot_l')).add(wpos(J('foot_r'))).multiplyScalar(0.5);
  const lowestFootY = () => Math.min(...['heel_l', 'heel_r', 'toeEnd_l', 'toeEnd_r'].map((n) => wpos(J(n)).y));
  const box = new THREE.Box3().setFromObject(body, true);
  // The support surface: under the buttocks and heels (sitting), the back (lying), the soles (standing).
  const supportY = standing ? Math.min(box.min.y, lowestFootY()) : box.min.y + 0.005;
  const restLowest = lowestFootY();
  const surface = sc.surface ?? 'floor';
  const pelvis = wpos(J('pelvis'));
  const surfMat = (color, pattern, repeat) => new THREE.MeshStandardMaterial({
    color: pattern && pattern !== 'plain' ? '#ffffff' : color, roughness: 0.9,
    map: pattern && pattern !== 'plain' ? patternTexture(pattern, color, rnd, repeat) : null });
  const floorMat = surfMat(sc.floorColor, surface === 'floor' ? sc.surfacePattern : 'noise', 8);
  const roomFloorY = surface === 'floor' ? supportY : supportY - (surface === 'bed' ? 0.55 : 0.45);
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(30, 30), floorMat);
  floor.rotation.x = -Math.PI / 2; floor.position.y = roomFloorY; scene.add(floor);
  const feetZ = Math.max(wpos(J('toeEnd_l')).z, wpos(J('toeEnd_r')).z);
  const boxAt = (x0, x1, y0, y1, z0, z1, mat) => {
    const m = new THREE.Mesh(new THREE.BoxGeometry(x1 - x0, y1 - y0, z1 - z0), mat);
    m.position.set((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2); scene.add(m); return m;
  };
  const surfaceColor = sc.surfaceColor ?? '#d8d8d0';
  if (surface === 'bed' && !standing) {
    const m = surfMat(surfaceColor, sc.surfacePattern, 3);
    const headZ = spec.posture === 'lying' ? box.min.z - 0.25 : pelvis.z - 0.5;
    boxAt(-0.55, 0.55, roomFloorY, supportY, headZ, feetZ + 0.35, m);
    boxAt(-0.6, 0.6, roomFloorY, supportY + 0.5, headZ - 0.06, headZ, surfMat('#6b4f3a', 'plain', 1));
  }
  if (surface === 'chair' && !standing) {
    const wood = surfMat(surfaceColor, sc.surfacePattern, 2);
    boxAt(-0.28, 0.28, roomFloorY, supportY, pelvis.z - 0.3, pelvis.z + 0.25, wood);
    boxAt(-0.28, 0.28, supportY, supportY + 0.55, pelvis.z - 0.36, pelvis.z - 0.3, wood);
    const heelZ = wpos(J('foot_l')).z;
    boxAt(-0.3, 0.3, roomFloorY, supportY, heelZ - 0.35, heelZ + 0.05, wood);
  }
  if (spec.activity === 'sit-to-stand') {
    // A chair behind the body at the seated height of the sitting end of the movement.
    pose({ legs: { l: { hipFlexDeg: 90, kneeFlexDeg: 90 }, r: { hipFlexDeg: 90, kneeFlexDeg: 90 } }, trunkDeg: 0 });
    const an = wpos(J('foot_l')).add(wpos(J('foot_r'))).multiplyScalar(0.5);
    const p = wpos(J('pelvis')).add(new THREE.Vector3(0, restAnkles.y - an.y, restAnkles.z - an.z));
    const seatY = p.y - 0.1;
    const wood = surfMat(surfaceColor, sc.surfacePattern, 2);
    boxAt(-0.26, 0.26, supportY, seatY, p.z - 0.3, p.z + 0.22, wood);
    boxAt(-0.26, 0.26, seatY, seatY + 0.5, p.z - 0.36, p.z - 0.3, wood);
    pose(zero);
  }
  const bl = spec.appearance?.blanket;
  if (bl && spec.posture === 'lying') {
    const ankleZ = Math.min(wpos(J('foot_l')).z, wpos(J('foot_r')).z);
    const z0 = pelvis.z + 0.05, z1 = ankleZ - 0.06;
    const legTop = Math.max(...['thigh_l', 'calf_l', 'thigh_r', 'calf_r'].map((n) => wpos(J(n)).y));
    const m = new THREE.Mesh(new THREE.CylinderGeometry(1, 1, 1, 28, 1, true, Math.PI / 2, Math.PI),
      new THREE.MeshStandardMaterial({ color: bl.pattern === 'plain' ? bl.color : '#ffffff', roughness: 0.95, side: THREE.DoubleSide,
        map: bl.pattern === 'plain' ? null : patternTexture(bl.pattern, bl.color, rnd, 2) }));
    m.rotation.x = Math.PI / 2;
    m.scale.set(0.42, z1 - z0, legTop - supportY + 0.09);
    m.position.set(0, supportY, (z0 + z1) / 2);
    scene.add(m);
  }
  const L = spec.light;
  scene.add(new THREE.HemisphereLight(0xffffff, 0x444444, L.ambient));
  const key = new THREE.DirectionalLight(new THREE.Color(L.keyColor), L.key);
  key.position.set(L.keyX, 3, L.keyZ); scene.add(key);
  // Camera aimed between the knee and the foot of the filmed side, at a fixed distance; or, with
  // camera.fit, at the middle of the body from fit x the distance at which the whole body just fits.
  const side = spec.camera.side === 'right' ? 'r' : 'l';
  const az = rad(spec.camera.azimuthDeg), el = rad(spec.camera.elevationDeg);
  const vfov = rad(spec.camera.fovDeg);
  const hfov = 2 * Math.atan(Math.tan(vfov / 2) * (W / H));
  let target, d;
  if (spec.camera.fit) {
    // The middle of the body, a little toward the filmed foot.
    target = box.getCenter(new THREE.Vector3()).lerp(wpos(J('foot_' + side)), 0.15);
    const size = box.getSize(new THREE.Vector3());
    const halfW = 0.5 * (size.z * Math.abs(Math.cos(az)) + size.x * Math.abs(Math.sin(az)));
    const halfH = 0.5 * (size.y * Math.cos(el) + size.z * Math.abs(Math.sin(el)));
    const depth = 0.5 * (size.x * Math.abs(Math.cos(az)) + size.z * Math.abs(Math.sin(az)));
    d = spec.camera.fit * (Math.max(halfW / Math.tan(hfov / 2), halfH / Math.tan(vfov / 2)) + depth);
  } else {
    target = standing ? wpos(J('pelvis')).lerp(restAnkles, 0.45) : wpos(J('calf_' + side)).lerp(pelvis, 0.35);
    d = spec.camera.distanceM;
  }
  target.x = 0;
  const sx = spec.camera.side === 'right' ? -1 : 1;
  const camera = new THREE.PerspectiveCamera(spec.camera.fovDeg, W / H, 0.05, 50);
  camera.position.set(target.x + sx * d * Math.cos(az) * Math.cos(el), target.y + d * Math.sin(el), target.z + d * Math.sin(az) * Math.cos(el));
  camera.lookAt(target);
  camera.updateMatrixWorld(true);
  const gl = renderer.getContext();
  const pixels = new Uint8Array(W * H * 4);
  window.__frame = async (i, st) => {
    rig.position.set(0, 0, 0); rig.updateMatrixWorld(true);
    pose(st);
    if (st.anchor === 'both') {
      const an = wpos(J('foot_l')).add(wpos(J('foot_r'))).multiplyScalar(0.5);
      rig.position.set(0, restAnkles.y - an.y, restAnkles.z - an.z);
    } else if (st.anchor === 'lowest') {
      rig.position.set(0, restLowest - lowestFootY(), 0);
    }
    rig.updateMatrixWorld(true);
    renderer.render(scene, camera);
    gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    const r = await fetch('/frame/' + i, { method: 'POST', body: pixels });
    if (!r.ok) throw new Error('frame ' + i + ' upload: HTTP ' + r.status);
    const camPos = camera.position;
    return MAP.map((n) => {
      const o = n.startsWith('heel_') ? body.getObjectByName(n) : J(n);
      const p = wpos(o);
      const depth = p.distanceTo(camPos);
      const v = p.clone().project(camera);
      return [(v.x + 1) / 2, (1 - v.y) / 2, depth, 1];
    });
  };
  return true;
};
window.__ready = true;
</script>`;
}
