// Draws each dashboard chart from the table beside it: the table holds the figures (the page
// works without JavaScript), the chart is a picture of the same numbers. A chart's element names
// its table (data-table) and kind (data-chart: line, bar, hbar, pie); the table's header cells
// marked data-series are its series, the first cell of each row its label.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  function number(cell) {
    var v = parseFloat(cell.textContent.replace('%', ''));
    return isNaN(v) ? null : v;
  }
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var table = document.getElementById(el.dataset.table);
    if (!table || !table.tBodies.length) {
      return;
    }
    var kind = el.dataset.chart;
    var limit = parseInt(el.dataset.limit || '0', 10);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (limit > 0) {
      rows = rows.slice(0, limit);
    }
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var series = [];
    heads.forEach(function (th, i) {
      if (!th.hasAttribute('data-series')) {
        return;
      }
      var values = rows.map(function (r) { return number(r.cells[i]); });
      if (kind === 'pie') {
        series.push({ name: th.textContent.trim(), type: 'pie', radius: ['35%', '65%'],
          data: labels.map(function (l, j) { return { name: l, value: values[j] }; }) });
      } else {
        series.push({ name: th.textContent.trim(), type: kind === 'line' ? 'line' : 'bar', data: values });
      }
    });
    if (!series.length || !rows.length) {
      return;
    }
    el.hidden = false;
    var option = { tooltip: { trigger: kind === 'pie' ? 'item' : 'axis' }, legend: { top: 0 }, series: series,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true } };
    if (kind === 'hbar') {
      option.yAxis = { type: 'category', data: labels, inverse: true };
      option.xAxis = { type: 'value' };
      el.style.height = Math.max(240, 28 * rows.length + 60) + 'px';
    } else if (kind !== 'pie') {
      option.xAxis = { type: 'category', data: labels };
      option.yAxis = { type: 'value' };
    }
    var chart = echarts.init(el);
    chart.setOption(option);
    // follow the box, not only the window: a narrowed page or an opened table changes it too
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    } else {
      window.addEventListener('resize', function () { chart.resize(); });
    }
    // the chart is drawn: its table stays one click away
    var details = el.nextElementSibling;
    if (details && details.tagName === 'DETAILS') {
      details.open = false;
    }
  });
}());
