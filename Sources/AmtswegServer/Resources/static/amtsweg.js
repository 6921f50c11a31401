// Small enhancements only: every page shows its content without JavaScript.

// Zoom and pan for diagrams: buttons, the mouse wheel with Ctrl, dragging, and the arrow keys.
for (const controls of document.querySelectorAll("[data-zoom-target]")) {
  const frame = document.getElementById(controls.dataset.zoomTarget);
  const image = frame && frame.querySelector("img");
  if (!image) continue;
  controls.hidden = false;
  let scale = 1;
  const apply = () => {
    frame.classList.toggle("zoomed", scale !== 1);
    image.style.width = scale === 1 ? "" : `${Math.round(image.naturalWidth * scale)}px`;
  };
  const zoom = (factor) => {
    if (scale === 1) scale = image.clientWidth / (image.naturalWidth || image.clientWidth);
    scale = Math.min(4, Math.max(0.2, scale * factor));
    apply();
  };
  controls.addEventListener("click", (event) => {
    const action = event.target.dataset && event.target.dataset.zoom;
    if (action === "in") zoom(1.25);
    if (action === "out") zoom(0.8);
    if (action === "reset") { scale = 1; apply(); }
  });
  frame.addEventListener("wheel", (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    zoom(event.deltaY < 0 ? 1.1 : 0.9);
  }, { passive: false });
  let drag = null;
  frame.addEventListener("pointerdown", (event) => {
    drag = { x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop };
  });
  window.addEventListener("pointerup", () => { drag = null; });
  frame.addEventListener("pointermove", (event) => {
    if (!drag) return;
    frame.scrollLeft = drag.left - (event.clientX - drag.x);
    frame.scrollTop = drag.top - (event.clientY - drag.y);
  });
  frame.addEventListener("keydown", (event) => {
    const step = 60;
    if (event.key === "+") zoom(1.25);
    if (event.key === "-") zoom(0.8);
    if (event.key === "ArrowLeft") frame.scrollLeft -= step;
    if (event.key === "ArrowRight") frame.scrollLeft += step;
  });
}

// Uploads of large files: a progress bar while the browser sends the file, then the page that answers.
for (const form of document.querySelectorAll("form[data-progress]")) {
  form.addEventListener("submit", (event) => {
    const bar = document.getElementById(form.dataset.progress);
    if (!bar || !window.XMLHttpRequest) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) bar.value = progress.loaded / progress.total;
    });
    request.addEventListener("load", () => {
      // A followed redirect ends on the result page: go there. Every other answer — the next step (the privacy
      // choice), the form with its errors, a refusal (413 too large, 422 not a log) — is shown as the server
      // wrote it, so the user reads its message.
      const target = new URL(form.action, window.location.href).href;
      if (request.status < 400 && request.responseURL && request.responseURL !== target) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open(); document.write(request.responseText); document.close();
    });
    // The connection broke (a server may close it on a refused upload before reading it all): send the form
    // the ordinary way, and the browser shows whatever the server answers.
    request.addEventListener("error", () => {
      bar.hidden = true;
      form.submit();
    });
    request.send(new FormData(form));
  });
}

// Analyses running in the background (discovery, conformance): ask how far they have come every two seconds,
// show it, and reload the page once one has finished. Without JavaScript the page's link reloads it.
for (const job of document.querySelectorAll("[data-job]")) {
  const bar = job.querySelector("progress");
  const text = job.querySelector("[data-job-text]");
  const look = async () => {
    try {
      const answer = await fetch(job.dataset.job, { headers: { Accept: "application/json" } });
      if (!answer.ok) return;
      const status = await answer.json();
      if (status.state === "done" || status.state === "failed") { window.location.reload(); return; }
      bar.value = status.percent;
      if (status.state === "running") text.textContent = `${job.dataset.running} ${status.percent} %`;
    } catch (error) { /* the next look may succeed */ }
    window.setTimeout(look, 2000);
  };
  window.setTimeout(look, 2000);
}
