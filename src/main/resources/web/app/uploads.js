// The transfer bar of the upload form: htmx reports the request body's upload progress.
document.addEventListener('htmx:xhr:progress', (event) => {
  const form = event.target.closest('[data-transfer-progress]');
  if (!form || !event.detail.lengthComputable) {
    return;
  }
  const box = document.getElementById(form.dataset.transferProgress);
  const percent = Math.round((event.detail.loaded * 100) / event.detail.total);
  box.hidden = false;
  box.querySelector('.progress-bar').style.width = `${percent}%`;
  box.querySelector('[role=progressbar]').setAttribute('aria-valuenow', String(percent));
  box.querySelector('.transfer-percent').textContent = `${percent} %`;
});

// A refused upload answers 400 with the uploads page and its message: show it (htmx swaps no error answers by default).
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.elt.matches('[data-transfer-progress]') && event.detail.xhr.status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
