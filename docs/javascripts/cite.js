// A record's ready citation (its "Cite this record" section): the access date is the reader's own
// day, which a page built in advance cannot know, so it is written in here, in the same words as
// the page's dates ("8 December 2026"); and a button copies the citation in one click. Progressive
// enhancement only: without JavaScript the citation is there to select, with "[the day you read
// it]" in place of the date. The button is built with DOM methods (the page holds no button, as
// the sanitizer lets no form control through); the text is copied as the page shows it.
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function today() {
    var now = new Date();
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

  function enhance(block) {
    var text = block.querySelector(".cite-text");
    var accessed = block.querySelector(".cite-accessed");
    if (!text) return;
    if (accessed) accessed.textContent = today();
    if (!navigator.clipboard) return;  // an insecure context (http:) has no clipboard: the text stays selectable
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.textContent = "Copy the citation";
    var status = document.createElement("span");
    status.className = "cite-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var citation = text.textContent.replace(/\s+/g, " ").trim();
      navigator.clipboard.writeText(citation).then(
        function () { status.textContent = "Copied."; },
        function () { status.textContent = "Not copied: select the citation and copy it."; },
      );
    });
    block.appendChild(button);
    block.appendChild(status);
  }

  function setup() {
    document.querySelectorAll(".cite-this").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
