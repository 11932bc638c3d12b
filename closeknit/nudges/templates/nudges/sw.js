{% load static %}// Closeknit's service worker: shows push notifications, opens the app on a tap,
// and shows a kind page instead of the browser's error when the network is gone.
// The payload carries only a fixed text and a link, never anything anyone wrote;
// the cache holds only the offline page and what it needs, never a person's pages.
var OFFLINE = "{% url 'offline' %}";
var KEEP = [
  OFFLINE,
  "{% static 'vendor/pico/pico.pink.min.css' %}",
  "{% static 'closeknit/app.css' %}",
  "{% static 'closeknit/icon.svg' %}",
];
// A new deploy (new file names) makes a new cache.
var CACHE = "closeknit-offline " + KEEP.join(" ");

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(KEEP); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () {
      return caches.match(OFFLINE, { cacheName: CACHE });
    }));
    return;
  }
  var path = new URL(request.url).pathname;
  if (KEEP.indexOf(path) >= 0) {
    event.respondWith(fetch(request).catch(function () {
      return caches.match(path, { cacheName: CACHE });
    }));
  }
});

self.addEventListener("push", function (event) {
  var data = { title: "Closeknit", body: "Something new in Closeknit.", url: "/" };
  try { data = Object.assign(data, event.data.json()); } catch (e) { /* keep the default */ }
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body,
    data: { url: data.url },
    icon: "{% static 'closeknit/icon-192.png' %}",
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(clients.openWindow(url));
});
