// Closeknit's service worker: shows push notifications and opens the app on a tap.
// The payload carries only a fixed text and a link, never anything anyone wrote.
self.addEventListener("push", function (event) {
  var data = { title: "Closeknit", body: "Something new in Closeknit.", url: "/" };
  try { data = Object.assign(data, event.data.json()); } catch (e) { /* keep the default */ }
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body,
    data: { url: data.url },
    icon: "{% load static %}{% static 'closeknit/icon.svg' %}",
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(clients.openWindow(url));
});
