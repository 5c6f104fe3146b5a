/* Transcript timestamps seek the video of their block; "#t=MM:SS" (or "#t=H:MM:SS") in the address
   plays the page's first video from that moment. Progressive enhancement: without this script the
   links are plain anchors and the transcript stays readable. */
(function () {
  "use strict";
  if (window.earlyCareVideoTranscript) return; // the block may appear several times on one page
  window.earlyCareVideoTranscript = true;

  function parseTime(text) {
    var match = /^(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)$/.exec(text || "");
    if (!match) return null;
    return (parseInt(match[1] || "0", 10) * 3600) + parseInt(match[2], 10) * 60 + parseInt(match[3], 10);
  }

  function seek(video, seconds, play) {
    function apply() {
      video.currentTime = seconds;
      if (play) {
        var promise = video.play();
        if (promise && promise.catch) promise.catch(function () {});
      }
    }
    if (video.readyState >= 1) {
      apply();
      return;
    }
    video.addEventListener("loadedmetadata", apply, { once: true });
    // The player loads nothing by itself (preload="none"); the reader asked for this moment, so fetch it now.
    if (video.preload === "none") {
      video.preload = "metadata";
      video.load();
    }
  }

  function timeFromHash() {
    var hash = window.location.hash.replace(/^#/, "");
    var params = new URLSearchParams(hash);
    return { seconds: parseTime(params.get("t")), video: params.get("video") };
  }

  function videoForHash(target) {
    var block = target ? document.getElementById(target) : null;
    block = block || document.querySelector("[data-video-block]");
    return block ? block.querySelector("[data-video-player]") : null;
  }

  function seekFromHash(play) {
    var wanted = timeFromHash();
    if (wanted.seconds === null) return;
    var video = videoForHash(wanted.video);
    if (video) seek(video, wanted.seconds, play);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-seek]") : null;
    if (!link) return;
    var block = link.closest("[data-video-block]");
    var video = block ? block.querySelector("[data-video-player]") : null;
    if (!video) return; // embedded players cannot be driven from here: follow the link as usual
    event.preventDefault();
    seek(video, parseFloat(link.getAttribute("data-seek")), true);
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", link.getAttribute("href"));
    }
    video.focus();
  });

  window.addEventListener("hashchange", function () { seekFromHash(true); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { seekFromHash(false); });
  } else {
    seekFromHash(false);
  }
})();
