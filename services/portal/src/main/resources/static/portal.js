// Bawaba portal: small enhancements only; every essential flow works without this file.
// Pages opt in with data-* attributes (see the comments of each part).
"use strict";

// <ul data-live-inbox data-stream="/api/notifications/me/stream">: notices arriving on the live
// stream (Server-Sent Events through the gateway) are added at the top as they come.
document.addEventListener("DOMContentLoaded", () => {
  const inbox = document.querySelector("[data-live-inbox]");
  if (inbox && "EventSource" in window) {
    const source = new EventSource(inbox.dataset.stream);
    source.addEventListener("notice", (event) => {
      const notice = JSON.parse(event.data);
      const item = document.createElement("li");
      item.className = "card notice unread live";
      // a notice is written in its reader's language, which may not be the page's
      if (notice.lang) item.lang = notice.lang;
      if (notice.dir) item.dir = notice.dir;
      const title = document.createElement("h2");
      title.className = "subject";
      title.textContent = notice.subject || "";
      const body = document.createElement("p");
      body.className = "body";
      body.textContent = notice.body || "";
      item.append(title, body);
      inbox.prepend(item);
      const empty = inbox.querySelector(".empty");
      if (empty) empty.remove();
      const status = document.getElementById("live-status");
      if (status) status.textContent = status.dataset.arrived;
    });
  }
});
