// Runs Microsoft Recognizers-Text (Chinese) over a text and prints every mention its number, percentage
// and currency models find, one JSON object a line: {"model", "text", "start", "end", "value", "unit"},
// with start/end as code point offsets into the whole text (inclusive end, as Recognizers-Text counts).
// The text is fed a line at a time, as the speed comparison feeds it.
// Usage: node recognizers_mentions.js FILE
'use strict';
const fs = require('fs');
const Suite = require('@microsoft/recognizers-text-suite');

const culture = Suite.Culture.Chinese;
const models = {
  number: (text) => Suite.recognizeNumber(text, culture),
  percentage: (text) => Suite.recognizePercentage(text, culture),
  currency: (text) => Suite.recognizeCurrency(text, culture),
};
let offset = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  for (const [model, recognize] of Object.entries(models)) {
    for (const m of recognize(line)) {
      const r = m.resolution || {};
      process.stdout.write(JSON.stringify({
        model, text: m.text, start: offset + m.start, end: offset + m.end,
        value: r.value === undefined ? null : r.value, unit: r.unit === undefined ? null : r.unit,
      }) + '\n');
    }
  }
  offset += Array.from(line).length + 1;
}
