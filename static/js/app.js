// Small progressive enhancements; every page works without this file.
// On narrow screens tables stack (app.css); each cell then shows its column's name, copied
// here from the header row once the page and every htmx swap are in.
function labelTableCells(root) {
  root.querySelectorAll("table.table").forEach(function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) { return; }
    var names = Array.prototype.map.call(head.cells, function (cell) {
      return cell.textContent.trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (names[index] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", names[index]);
          }
        });
      });
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  labelTableCells(document);
  document.body.addEventListener("htmx:afterSettle", function (event) {
    labelTableCells(event.target.closest("main") || document);
  });
  // Confirm destructive buttons marked with data-confirm.
  document.body.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
});
