// As soon as an editor chooses another audio for a track, say which of its cues the new audio ends
// before: the server names them (admin_views.audio_source with ?page=), from the track's latest
// draft. Saving checks every cue again (cue_rules.py), so this is a warning, never the only guard.

const script = document.querySelector("script[data-audio-source-url]");
const input = document.getElementById("id_audio");
const pageId = /\/admin\/pages\/(\d+)\/edit\//.exec(window.location.pathname)?.[1];

function warningBox() {
  const box = document.createElement("div");
  box.className = "help-block help-warning";
  box.setAttribute("role", "alert");
  box.dataset.audioLengthWarning = "";
  box.hidden = true;
  const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  icon.setAttribute("class", "icon icon-warning");
  icon.setAttribute("aria-hidden", "true");
  const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
  use.setAttribute("href", "#icon-warning");
  icon.append(use);
  box.append(icon, document.createElement("p"));
  const field = input.closest("[data-field-wrapper]") || input.closest(".w-field") || input.parentElement;
  field.append(box);
  return box;
}

if (script && input && pageId) {
  const box = warningBox();
  let asked = 0;
  input.addEventListener("change", async () => {
    const question = ++asked; // a later choice wins over an answer still on its way
    box.hidden = true;
    if (!input.value) return;
    const url = `${script.dataset.audioSourceUrl.replace(/0\/$/, `${encodeURIComponent(input.value)}/`)}?page=${pageId}`;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      const answer = response.ok ? await response.json() : {};
      if (question !== asked || !answer.past_the_end) return;
      box.lastElementChild.textContent = answer.past_the_end;
      box.hidden = false;
    } catch {
      // No answer, no warning: saving still checks every cue.
    }
  });
}
