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
      // a notice's link names a page without its language: the page's is put in front
      if (notice.link) {
        const open = document.createElement("a");
        const language = document.documentElement.lang;
        open.href = notice.link.startsWith("/") && !/^\/(ar|en)(\/|$)/.test(notice.link)
          ? "/" + language + notice.link : notice.link;
        open.textContent = inbox.dataset.open || "";
        const line = document.createElement("p");
        line.append(open);
        item.append(line);
      }
      inbox.prepend(item);
      const empty = inbox.querySelector(".empty");
      if (empty) empty.remove();
      const status = document.getElementById("live-status");
      if (status) status.textContent = status.dataset.arrived;
    });
  }
});

// <div data-focus>: an error summary takes the focus when the page opens, so that a screen reader reads
// it first and a keyboard user starts from it.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus]");
  if (summary) summary.focus();
});

// <button data-confirm="Question?">: a decision that cannot be undone asks first.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
