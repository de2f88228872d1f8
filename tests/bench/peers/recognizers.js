// Runs Microsoft Recognizers-Text (Chinese) over a file, one sentence per line, the way the benchmark
// runs docpipe's number-extract over the same file. Prints {"lines", "mentions", "seconds"} as JSON.
// Usage: node recognizers.js FILE [number,percentage,currency]
'use strict';
const fs = require('fs');
const Suite = require('@microsoft/recognizers-text-suite');

const file = process.argv[2];
const models = (process.argv[3] || 'number,percentage').split(',');
const culture = Suite.Culture.Chinese;
const recognizers = {
  number: (text) => Suite.recognizeNumber(text, culture),
  percentage: (text) => Suite.recognizePercentage(text, culture),
  currency: (text) => Suite.recognizeCurrency(text, culture),
};
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
const start = process.hrtime.bigint();
let mentions = 0;
for (const line of lines) {
  for (const m of models) mentions += recognizers[m](line).length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({ lines: lines.length, mentions, seconds }) + '\n');
