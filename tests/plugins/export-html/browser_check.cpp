// Real-browser check of a generated page (not a Catch2 test: CTest runs it and counts exit code 77
// as skipped, which is what happens when no Chromium is installed).
//
// It renders the Changsha fixture, then loads a copy of the page with a probe script appended in
// headless Chromium (--dump-dom) and reads the probe's verdicts back from the dumped DOM. The probe
// checks that the table of contents and the indicator table link to elements that exist, that a
// click on a glossary term opens a popup with that entry's term and definition, that hovering a
// figure shows its value, that the unresolved marker is flagged in red, and that the page loaded no
// resource at all; and that the index page's filter and column sorting work. A screenshot (glossary
// popup open) is written next to the page for a person to look at.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "corpus_fixture.hpp"
#include "docpipe/atomic_file.hpp"
#include "document_page.hpp"
#include "index_page.hpp"
#include "summary_row.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* probe = R"JS(
<script>
(function(){
  var results=[];
  function check(name,ok,detail){results.push((ok?'PASS ':'FAIL ')+name+(ok?'':' :: '+detail));}
  var toc=document.querySelectorAll('#toc a');
  var missing=[].filter.call(toc,function(a){return !document.getElementById(a.getAttribute('href').slice(1));});
  check('toc-has-entries',toc.length>=__SECTIONS__,'toc links: '+toc.length);
  check('toc-targets-exist',missing.length===0,missing.length+' dangling');
  var rows=document.querySelectorAll('#indicator-table tbody tr');
  var bad=[].filter.call(rows,function(r){var t=document.getElementById(r.getAttribute('data-target'));return !t||!t.classList.contains('ind');});
  check('indicator-rows',rows.length===__INDICATORS__,'rows: '+rows.length);
  check('indicator-targets',bad.length===0,bad.length+' rows without target');
  var pop=document.getElementById('popup');
  var term=document.querySelector('.gl:not(.gl-marker)');
  term.dispatchEvent(new MouseEvent('click',{bubbles:true}));
  var dt=document.getElementById('g-'+term.getAttribute('data-g'));
  var def=dt.nextElementSibling.textContent;
  check('glossary-popup-open',!pop.hidden&&pop.getBoundingClientRect().height>0,'hidden='+pop.hidden);
  check('glossary-popup-term',pop.querySelector('.term')&&pop.querySelector('.term').textContent===term.textContent,pop.textContent.slice(0,40));
  check('glossary-popup-definition',def.length>0&&pop.textContent.indexOf(def)>=0,'definition missing');
  document.body.dispatchEvent(new MouseEvent('click',{bubbles:true}));
  check('glossary-popup-closes',pop.hidden,'still open');
  var marker=document.querySelector('.gl-marker');
  marker.dispatchEvent(new MouseEvent('click',{bubbles:true}));
  check('marker-popup',!pop.hidden&&pop.textContent.indexOf('一江一湖六河')>=0,pop.textContent.slice(0,40));
  document.body.dispatchEvent(new MouseEvent('click',{bubbles:true}));
  var num=document.querySelector('.num');
  num.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));
  check('number-hover',!pop.hidden&&pop.textContent===num.getAttribute('data-tip')&&/\d/.test(pop.textContent),pop.textContent);
  num.dispatchEvent(new MouseEvent('mouseout',{bubbles:true,relatedTarget:document.body}));
  check('number-hover-ends',pop.hidden,'still open');
  var rep=document.querySelector('.rep:not(.del)');
  rep.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));
  check('repair-hover',!pop.hidden&&pop.textContent.indexOf('→')>=0,pop.textContent);
  rep.dispatchEvent(new MouseEvent('mouseout',{bubbles:true,relatedTarget:document.body}));
  var un=document.getElementById('u-0');
  check('unresolved-flagged',un&&getComputedStyle(un).color==='rgb(192, 57, 43)',un?getComputedStyle(un).color:'none');
  check('no-network',performance.getEntriesByType('resource').length===0,performance.getEntriesByType('resource').length+' resources');
  var box=document.querySelector('.toggles input[value=num]');
  box.checked=false;box.dispatchEvent(new Event('change'));
  check('toggle-numbers',getComputedStyle(num).backgroundColor==='rgba(0, 0, 0, 0)',getComputedStyle(num).backgroundColor);
  var pre=document.createElement('pre');pre.id='probe-results';pre.textContent=results.join('\n');document.body.appendChild(pre);
})();
</script>
)JS";

// Checks the index page: the filter hides rows that do not match, a click on a header sorts.
constexpr const char* index_probe = R"JS(
<script>
(function(){
  var results=[];
  function check(name,ok,detail){results.push((ok?'PASS ':'FAIL ')+name+(ok?'':' :: '+detail));}
  var rows=document.querySelectorAll('#docs tbody tr');
  check('index-rows',rows.length===3,'rows: '+rows.length);
  var links=[].filter.call(document.querySelectorAll('#docs a'),function(a){return /\.html$/.test(a.getAttribute('href'));});
  check('index-links',links.length===3,'links: '+links.length);
  var box=document.getElementById('filter');
  box.value='乙省';box.dispatchEvent(new Event('input'));
  var shown=[].filter.call(rows,function(r){return !r.hidden;});
  check('index-filter',shown.length===1&&shown[0].textContent.indexOf('乙省')>=0,'shown: '+shown.length);
  box.value='';box.dispatchEvent(new Event('input'));
  var year=document.querySelectorAll('#docs thead th')[1];
  year.click();
  var first=document.querySelector('#docs tbody tr').cells[1].textContent;
  check('index-sort',first==='2020','first year after sorting: '+first);
  var pre=document.createElement('pre');pre.id='probe-results';pre.textContent=results.join('\n');document.body.appendChild(pre);
})();
</script>
)JS";

// Opens the first glossary term's popup for the screenshot (headless screenshots ignore scrolling,
// so the page is shot from its top).
constexpr const char* staging = R"JS(
<script>
(function(){
  var term=document.querySelector('.gl');
  term.dispatchEvent(new MouseEvent('click',{bubbles:true}));
})();
</script>
)JS";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

std::string with_script(const std::string& page, const std::string& script) {
  std::string out = page;
  out.insert(out.rfind("</body>"), script);
  return out;
}

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return name;
  }
  return {};
}

std::string chromium_command(const std::string& browser, const fs::path& profile) {
  return "timeout 120 " + browser +
         " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
         " --disable-component-update --disable-sync --hide-scrollbars --user-data-dir='" + profile.string() + "'";
}

// Loads @p page in headless Chromium and returns the probe's result lines, or empty on failure.
std::string probe_results(const std::string& browser, const fs::path& dir, const fs::path& page) {
  const fs::path profile = dir / "profile";
  fs::remove_all(profile);
  const std::string dump = (dir / (page.stem().string() + "-dom.html")).string();
  const std::string run = chromium_command(browser, profile) + " --dump-dom 'file://" + page.string() + "' > '" + dump +
                          "' 2>> '" + (dir / "chromium.log").string() + "'";
  const int status = std::system(run.c_str());
  fs::remove_all(profile);
  if (status != 0) return {};
  const std::string dom = slurp(dump);
  const std::size_t a = dom.find("<pre id=\"probe-results\">");
  if (a == std::string::npos) return {};
  return dom.substr(a + 24, dom.find("</pre>", a) - a - 24);
}

// The index of the fixture and two small documents.
std::string index_page(const docpipe::Document& doc) {
  std::vector<docpipe::html_export::SummaryRow> rows = {docpipe::html_export::summarize(doc, "city_changsha_2024.html")};
  for (const auto& [id, region, year] :
       {std::tuple<std::string, std::string, int>{"prov_b_2020", "乙省", 2020}, {"city_a_2023", "甲市", 2023}}) {
    docpipe::Document small;
    small.id = id;
    small.metadata.region = region;
    small.metadata.year = year;
    rows.push_back(docpipe::html_export::summarize(small, id + ".html"));
  }
  return docpipe::html_export::render_index_page(rows, "browser check");
}

}  // namespace

int main() {
  const std::string browser = find_chromium();
  if (browser.empty()) {
    std::cout << "SKIPPED: chromium is not installed (Debian package `chromium`, see scripts/debian-packages.txt)\n";
    return 77;
  }
  const fs::path dir = fs::current_path() / "export-html-browser";
  fs::create_directories(dir);
  const docpipe::Document doc = fixture::changsha_document();
  const std::string page = docpipe::html_export::render_document_page(doc);
  docpipe::write_file_atomically(dir / "page.html", page);
  std::string probe_script = replace_all(probe, "__SECTIONS__", std::to_string(doc.sections.size()));
  probe_script = replace_all(probe_script, "__INDICATORS__", std::to_string(doc.indicators.size()));
  docpipe::write_file_atomically(dir / "probe.html", with_script(page, probe_script));
  docpipe::write_file_atomically(dir / "staged.html", with_script(page, staging));
  docpipe::write_file_atomically(dir / "index-probe.html", with_script(index_page(doc), index_probe));

  std::string results = probe_results(browser, dir, dir / "probe.html");
  const std::string index_results = probe_results(browser, dir, dir / "index-probe.html");
  if (results.empty() || index_results.empty()) {
    std::cout << "FAIL: chromium failed or a probe left no results (a script error?), see " << dir.string() << "\n";
    return 1;
  }
  results += "\n" + index_results;
  std::cout << results << "\n";
  int passed = 0, failed = 0;
  std::istringstream lines(results);
  for (std::string line; std::getline(lines, line);) (line.rfind("PASS", 0) == 0 ? passed : failed)++;

  const fs::path profile = dir / "profile";
  fs::remove_all(profile);
  const fs::path shot = dir / "screenshot.png";
  fs::remove(shot);
  const std::string snap = chromium_command(browser, profile) + " --window-size=1440,1200 --screenshot='" + shot.string() +
                           "' 'file://" + (dir / "staged.html").string() + "' >> '" + (dir / "chromium.log").string() + "' 2>&1";
  if (std::system(snap.c_str()) != 0 || !fs::exists(shot) || fs::file_size(shot) < 10000) {
    std::cout << "FAIL: no screenshot written\n";
    ++failed;
  } else {
    std::cout << "screenshot: " << shot.string() << "\n";
  }
  fs::remove_all(profile);
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed >= 19 ? 0 : 1;
}
