// The service worker: precaches the app shell, the pose model and the wasm (listed in
// precache.json at build time) so the app starts and checks movement with no network.
/// <reference lib="webworker" />
export {};

declare const self: ServiceWorkerGlobalScope;

// Replaced at build time by a hash of the built file names, so every new build installs afresh.
const VERSION = 'anklepump-__BUILD_HASH__';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const res = await fetch('./precache.json', { cache: 'no-store' });
      const { files } = (await res.json()) as { files: string[] };
      const cache = await caches.open(VERSION);
      await cache.addAll(files);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== VERSION) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  // Only our own files: API calls to the clinic server are never served from the cache.
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(VERSION);
      const hit = await cache.match(req, { ignoreSearch: req.mode === 'navigate' });
      if (hit) return hit;
      try {
        return await fetch(req);
      } catch (err) {
        if (req.mode === 'navigate') {
          const shell = await cache.match('./');
          if (shell) return shell;
        }
        throw err;
      }
    })(),
  );
});
