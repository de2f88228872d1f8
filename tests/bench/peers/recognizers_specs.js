// Runs Recognizers-Text's own Chinese spec files through Recognizers-Text and prints the pass rate per
// file as JSON, so the benchmark can put it beside docpipe's rate on the same cases.
// Usage: node recognizers_specs.js SPEC_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const Suite = require('@microsoft/recognizers-text-suite');

const models = {
  'NumberModel.json': (t) => Suite.recognizeNumber(t, Suite.Culture.Chinese),
  'PercentModel.json': (t) => Suite.recognizePercentage(t, Suite.Culture.Chinese),
  'CurrencyModel.json': (t) => Suite.recognizeCurrency(t, Suite.Culture.Chinese),
  'OrdinalModel.json': (t) => Suite.recognizeOrdinal(t, Suite.Culture.Chinese),
  'NumberRangeModel.json': (t) => Suite.recognizeNumberRange(t, Suite.Culture.Chinese),
};
const dir = process.argv[2];
const out = {};
for (const [file, recognize] of Object.entries(models)) {
  const cases = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  let total = 0;
  let passed = 0;
  for (const c of cases) {
    const ns = c.NotSupported || '';
    if (ns.includes('javascript') || ns.includes('dotnet')) continue;
    total += 1;
    let results;
    try {
      results = recognize(c.Input);
    } catch (e) {
      continue;
    }
    const expected = c.Results || [];
    const ok = results.length === expected.length &&
      expected.every((e, i) => results[i].text === e.Text &&
        (e.Resolution === undefined || e.Resolution === null ||
         String(results[i].resolution && results[i].resolution.value) === String(e.Resolution.value)));
    if (ok) passed += 1;
  }
  out[file] = { total, passed };
}
process.stdout.write(JSON.stringify(out) + '\n');
