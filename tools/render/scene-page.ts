// The page headless Chromium runs to render a clip: three.js draws the rigged body in the posture,
// camera and light of a ClipSpec; each call to __frame poses the ankles and leg, renders, sends
// the pixels to the loopback server and returns the true 2D landmarks of that frame.

/** HTML of the render page (three.js served from node_modules under /three/). */
export function scenePageHtml(): string {
  return `<!doctype html><meta charset="utf-8"><title>anklepump render</title>
<style>html,body{margin:0;background:#000}</style>
<script type="importmap">{"imports":{"three":"/three/build/three.module.js"}}</script>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from '/three/examples/jsm/loaders/GLTFLoader.js';
const X = new THREE.Vector3(1, 0, 0), Z = new THREE.Vector3(0, 0, 1);
const rad = (d) => (d * Math.PI) / 180;
function rotateWorld(bone, axis, angle) {
  const q = new THREE.Quaternion().setFromAxisAngle(axis, angle);
  const pq = new THREE.Quaternion(), wq = new THREE.Quaternion();
  bone.parent.updateWorldMatrix(true, false);
  bone.parent.getWorldQuaternion(pq);
  bone.getWorldQuaternion(wq);
  bone.quaternion.copy(pq.invert().multiply(q.multiply(wq)));
  bone.updateMatrixWorld(true);
}
const wpos = (o) => o.getWorldPosition(new THREE.Vector3());
// BlazePose index -> bone (or heel point) whose position stands in for that landmark.
const MAP = ['Head','Head','Head','Head','Head','Head','Head','Head','Head','Head','Head',
  'upperarm_l','upperarm_r','lowerarm_l','lowerarm_r','hand_l','hand_r','hand_l','hand_r','hand_l','hand_r','hand_l','hand_r',
  'thigh_l','thigh_r','calf_l','calf_r','foot_l','foot_r','heel_l','heel_r','ball_leaf_l','ball_leaf_r'];

window.__setup = async (spec) => {
  const { widthPx: W, heightPx: H } = spec;
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(W, H);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  document.body.appendChild(renderer.domElement);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(spec.scene.wallColor);
  const gltf = await new GLTFLoader().loadAsync('/assets/UBC_Superhero_Male.glb');
  const body = gltf.scene;
  scene.add(body);
  const bone = (n) => { const b = body.getObjectByName(n); if (!b) throw new Error('no bone ' + n); return b; };
  if (spec.posture === 'lying') { body.rotation.x = -Math.PI / 2; }
  body.updateMatrixWorld(true);
  // Heel: a point fixed to each foot bone, behind and below the ankle in the standing rest pose.
  for (const s of ['l', 'r']) {
    const foot = bone('foot_' + s);
    const a = wpos(foot);
    const up = spec.posture === 'lying' ? new THREE.Vector3(0, 0, -1) : new THREE.Vector3(0, 1, 0);
    const back = spec.posture === 'lying' ? new THREE.Vector3(0, -1, 0) : new THREE.Vector3(0, 0, -1);
    const heel = new THREE.Object3D(); heel.name = 'heel_' + s;
    foot.add(heel);
    heel.position.copy(foot.worldToLocal(a.clone().addScaledVector(up, -0.075).addScaledVector(back, 0.055)));
  }
  if (spec.posture === 'sitting') {
    rotateWorld(bone('thigh_l'), X, rad(-90));
    rotateWorld(bone('thigh_r'), X, rad(-90));
  }
  // Arms down by the sides instead of the T-pose.
  rotateWorld(bone('upperarm_l'), spec.posture === 'lying' ? new THREE.Vector3(0, 1, 0) : Z, rad(-72));
  rotateWorld(bone('upperarm_r'), spec.posture === 'lying' ? new THREE.Vector3(0, 1, 0) : Z, rad(72));
  body.updateMatrixWorld(true);
  const base = new Map();
  body.traverse((o) => { if (o.isBone) base.set(o, o.quaternion.clone()); });
  // Floor under the lowest of buttocks and heels.
  const heelY = Math.min(wpos(bone('heel_l')).y, wpos(bone('heel_r')).y);
  const floorY = spec.posture === 'lying' ? wpos(bone('pelvis')).y - 0.13 : Math.min(heelY - 0.01, wpos(bone('pelvis')).y - 0.12);
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(20, 20), new THREE.MeshStandardMaterial({ color: spec.scene.floorColor, roughness: 0.9 }));
  floor.rotation.x = -Math.PI / 2; floor.position.y = floorY; scene.add(floor);
  const L = spec.light;
  scene.add(new THREE.HemisphereLight(0xffffff, 0x444444, L.ambient));
  const key = new THREE.DirectionalLight(new THREE.Color(L.keyColor), L.key);
  key.position.set(L.keyX, 3, L.keyZ); scene.add(key);
  // Camera aimed between the knee and the foot of the filmed side, far enough to see the body.
  const side = spec.camera.side === 'right' ? 'r' : 'l';
  const target = wpos(bone('calf_' + side)).lerp(wpos(bone('pelvis')), 0.35);
  target.x = 0;
  const az = rad(spec.camera.azimuthDeg), el = rad(spec.camera.elevationDeg), d = spec.camera.distanceM;
  const sx = spec.camera.side === 'right' ? -1 : 1;
  const camera = new THREE.PerspectiveCamera(spec.camera.fovDeg, W / H, 0.05, 50);
  camera.position.set(target.x + sx * d * Math.cos(az) * Math.cos(el), target.y + d * Math.sin(el), target.z + d * Math.sin(az) * Math.cos(el));
  camera.lookAt(target);
  camera.updateMatrixWorld(true);
  const gl = renderer.getContext();
  const pixels = new Uint8Array(W * H * 4);
  window.__frame = async (i, st) => {
    for (const [b, q] of base) b.quaternion.copy(q);
    body.updateMatrixWorld(true);
    for (const s of ['l', 'r']) {
      const lift = st.liftDeg[s] ?? 0;
      if (lift) rotateWorld(bone('thigh_' + s), X, rad(-lift));
      // Plantarflexion (negative angle) turns the toes away from the shin: +X rotation here.
      rotateWorld(bone('foot_' + s), X, rad(-(st.angleDeg[s] ?? 0)));
    }
    body.updateMatrixWorld(true);
    renderer.render(scene, camera);
    gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    const r = await fetch('/frame/' + i, { method: 'POST', body: pixels });
    if (!r.ok) throw new Error('frame ' + i + ' upload: HTTP ' + r.status);
    const camPos = camera.position;
    return MAP.map((n) => {
      const p = wpos(bone(n));
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
